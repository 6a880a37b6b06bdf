import type { Core, UID } from '@strapi/strapi';
import {
  SUBMISSION_FORMS,
  SUBMISSION_HONEYPOT_FIELD,
  SUBMISSION_TOKEN_FIELD,
  sentField,
  validateSubmission,
  type SubmissionKind,
} from '@hub/shared';
import { FormTokens } from './form-token';
import { AddressBudget } from './address-budget';
import { SubmissionMarks } from './submission-marks';
import { MESSAGES, formError, refused, type SubmissionAnswer } from './responses';
import type { SubmissionSettings } from './settings';
import { submissionDraft } from './to-draft';
import { notifyEditors } from './notify-editors';

const CONTENT_TYPES: Record<SubmissionKind, UID.ContentType> = {
  'good-practice': 'api::good-practice.good-practice',
  event: 'api::event.event',
};

/** The scopes of the submission marks: claimed form tokens and the two budgets. */
const FORM_TOKEN_SCOPE = 'form-token';
const SUBMISSIONS_SCOPE = 'submissions';
const ATTEMPTS_SCOPE = 'attempts';

/**
 * Receives submissions from the public: checks the form token, the honeypot, the budgets and
 * the fields, and turns what passes into a draft for the editors. Never publishes. A form token
 * is used up only by a stored draft (or a robot's thank-you): a form refused for its fields can
 * be fixed and sent again with the same token.
 */
export class SubmissionDesk {
  readonly tokens: FormTokens;
  readonly marks: SubmissionMarks;
  /** Every post, refused ones too (SUBMISSION_ATTEMPT_LIMIT); see countAttempt. */
  readonly attempts: AddressBudget;
  /** Stored submissions (SUBMISSION_RATE_LIMIT). */
  private readonly limiter: AddressBudget;

  constructor(
    private readonly strapi: Core.Strapi,
    readonly settings: SubmissionSettings,
    secret: string,
    now: () => number = Date.now,
  ) {
    this.tokens = new FormTokens(secret, settings.minFillMs, now);
    this.marks = new SubmissionMarks(strapi, now);
    // Both budgets in the database, so they hold across every CMS instance that shares it.
    this.attempts = new AddressBudget(
      this.marks,
      ATTEMPTS_SCOPE,
      settings.attemptLimit,
      secret,
      now,
    );
    this.limiter = new AddressBudget(
      this.marks,
      SUBMISSIONS_SCOPE,
      settings.rateLimit,
      secret,
      now,
    );
  }

  /**
   * Counts a post against its address's attempt budget (the submission guard does, before the
   * body is read): 0 to go on, or the seconds to wait. When the database cannot count, the post
   * goes on, logged: the desk then checks its token and the submission budget in that same
   * database, so nothing is stored unguarded.
   */
  async countAttempt(address: string): Promise<number> {
    try {
      return await this.attempts.take(address);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.warn(`[hub] A submission attempt could not be counted: ${message}`);
      return 0;
    }
  }

  private tooMany(retryAfter: number): SubmissionAnswer {
    const minutes = Math.ceil(this.settings.rateLimit.windowMs / 60_000);
    return { ...formError(429, MESSAGES.tooMany(minutes)), retryAfter };
  }

  private claim(id: string, expiresAt: number): Promise<boolean> {
    return this.marks.claim(FORM_TOKEN_SCOPE, id, expiresAt);
  }

  /**
   * Gives a claimed token back, so the form can be sent again later. A database that fails here
   * only costs that chance: the answer stays the one the person needs (429 or 500), logged.
   */
  private async release(id: string): Promise<void> {
    try {
      await this.marks.release(FORM_TOKEN_SCOPE, id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.warn(`[hub] A form token could not be given back: ${message}`);
    }
  }

  /** What the submission budget says (seconds to wait), or null when the database failed (logged). */
  private async budgetAnswer(asking: Promise<number>): Promise<number | null> {
    try {
      return await asking;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.error(`[hub] The submission budget could not be checked: ${message}`);
      return null;
    }
  }

  /** `address` is the budget key of the sender (see budgetKey). */
  async receive(kind: SubmissionKind, body: unknown, address: string): Promise<SubmissionAnswer> {
    const retryAfter = await this.budgetAnswer(this.limiter.retryAfterSeconds(address));
    if (retryAfter === null) return refused('not-saved', formError(500, MESSAGES.notSaved));
    if (retryAfter > 0) return refused('too-many', this.tooMany(retryAfter));
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return refused('unreadable', formError(400, MESSAGES.unreadable));
    }
    const token = this.tokens.read(sentField(body, SUBMISSION_TOKEN_FIELD));
    const honeypot = sentField(body, SUBMISSION_HONEYPOT_FIELD);
    if (typeof honeypot === 'string' && honeypot.trim() !== '') {
      // A robot: it is thanked as anyone else, so it learns nothing, and nothing is stored.
      await this.limiter.record(address).catch(() => undefined);
      if (token.ok) await this.claim(token.id, token.expiresAt).catch(() => undefined);
      this.strapi.log.info(`[hub] A submission filled in the honeypot; nothing was stored.`);
      return refused('honeypot', { status: 201, message: MESSAGES.thanks });
    }
    // Checked together, so one answer names every problem: a form sent without JavaScript has
    // no token yet, and is answered with its fields checked and a token to send it again.
    const result = validateSubmission(SUBMISSION_FORMS[kind], body);
    if (!token.ok) {
      const errors = result.ok ? [] : result.errors;
      return refused('token', { status: 400, errors, tokenProblem: token.problem });
    }
    if (!result.ok) return refused('invalid', { status: 400, errors: result.errors });

    // Only now is the token used up: one INSERT, so of two posts with it exactly one gets on.
    let claimed: boolean;
    try {
      claimed = await this.claim(token.id, token.expiresAt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.error(`[hub] A form token could not be claimed: ${message}`);
      return refused('not-saved', formError(500, MESSAGES.notSaved));
    }
    if (!claimed) return refused('token-used', { status: 409, errors: [], tokenProblem: 'used' });
    // Checked and counted in one statement, before the draft is stored: submissions sent at the
    // same moment, to any instance, cannot all slip under the limit while the first are saved.
    const wait = await this.budgetAnswer(this.limiter.take(address));
    if (wait === null) {
      await this.release(token.id);
      return refused('not-saved', formError(500, MESSAGES.notSaved));
    }
    if (wait > 0) {
      await this.release(token.id);
      return refused('too-many', this.tooMany(wait));
    }
    const data = submissionDraft(kind, result.values, new Date());
    const uid = CONTENT_TYPES[kind];
    let documentId: string;
    try {
      ({ documentId } = await this.strapi.documents(uid).create({ data } as never));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.error(`[hub] A valid ${kind} submission could not be stored: ${message}`);
      // The token is given back: the person can send the same form again later.
      await this.release(token.id);
      return refused('not-saved', formError(500, MESSAGES.notSaved));
    }
    // Not awaited: the person who sent the form never waits for a mail server.
    void notifyEditors(this.strapi, this.settings.notifyTo, {
      kind,
      uid,
      documentId,
      title: String(result.values.title ?? ''),
    });
    return { status: 201, message: MESSAGES.thanks };
  }
}

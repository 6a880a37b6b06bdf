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
import { RateLimiter } from './rate-limiter';
import { MESSAGES, formError, type SubmissionAnswer } from './responses';
import type { SubmissionSettings } from './settings';
import { submissionDraft } from './to-draft';
import { notifyEditors } from './notify-editors';

const CONTENT_TYPES: Record<SubmissionKind, UID.ContentType> = {
  'good-practice': 'api::good-practice.good-practice',
  event: 'api::event.event',
};

/**
 * Receives submissions from the public: checks the form token, the honeypot, the rate limit and
 * the fields, and turns what passes into a draft for the editors. Never publishes.
 */
export class SubmissionDesk {
  readonly tokens: FormTokens;
  private readonly limiter: RateLimiter;

  constructor(
    private readonly strapi: Core.Strapi,
    readonly settings: SubmissionSettings,
    secret: string,
    now: () => number = Date.now,
  ) {
    this.tokens = new FormTokens(secret, settings.minFillMs, now);
    this.limiter = new RateLimiter(settings.rateLimit, now);
  }

  async receive(kind: SubmissionKind, body: unknown, address: string): Promise<SubmissionAnswer> {
    const retryAfter = this.limiter.retryAfterSeconds(address);
    if (retryAfter > 0) {
      return {
        ...formError(429, MESSAGES.tooMany(Math.ceil(this.settings.rateLimit.windowMs / 60_000))),
        retryAfter,
      };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return formError(400, MESSAGES.unreadable);
    }
    const honeypot = sentField(body, SUBMISSION_HONEYPOT_FIELD);
    if (typeof honeypot === 'string' && honeypot.trim() !== '') {
      // A robot: it is thanked as anyone else, so it learns nothing, and nothing is stored.
      this.limiter.record(address);
      this.strapi.log.info(`[hub] A submission filled in the honeypot; nothing was stored.`);
      return { status: 201, message: MESSAGES.thanks };
    }
    // Checked together, so one answer names every problem: a form sent without JavaScript has
    // no token yet, and is answered with its fields checked and a token to send it again.
    const tokenProblem = this.tokens.problem(sentField(body, SUBMISSION_TOKEN_FIELD));
    const result = validateSubmission(SUBMISSION_FORMS[kind], body);
    if (tokenProblem) return { status: 400, errors: result.ok ? [] : result.errors, tokenProblem };
    if (!result.ok) return { status: 400, errors: result.errors };

    // Counted before the draft is stored: submissions sent at the same moment cannot all slip
    // under the limit while the first ones are still being saved.
    this.limiter.record(address);
    const data = submissionDraft(kind, result.values, new Date());
    const uid = CONTENT_TYPES[kind];
    let documentId: string;
    try {
      ({ documentId } = await this.strapi.documents(uid).create({ data } as never));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.error(`[hub] A valid ${kind} submission could not be stored: ${message}`);
      return formError(500, MESSAGES.notSaved);
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

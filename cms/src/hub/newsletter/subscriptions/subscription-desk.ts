import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import {
  NEWSLETTER_FIELDS,
  sentField,
  validateNewsletterSignup,
  type NewsletterChoices,
  type SubmissionError,
} from '@hub/shared';
import { AddressBudget } from '../../submissions/address-budget';
import type { TokenProblem } from '../../submissions/form-token';
import { submissionDesk } from '../../submissions/desk-instance';
import { siteNameOf } from '../../submissions/responses';
import { newsletterLinks, type NewsletterLinks } from '../links';
import { alreadySubscribedMail, confirmationMail, type SubscriberMail } from './mails';
import { subscriptionSettings, type SubscriptionSettings } from './settings';
import { SubscriberStore, type Subscriber } from './subscriber-store';

/** The scopes of the newsletter's budgets in the marks table (see submission-marks.ts). */
const SIGNUPS_SCOPE = 'newsletter-signups';
const MAILS_SCOPE = 'newsletter-mails';
/** Form tokens are the submission forms' own: one claim table, one scope, one lifetime. */
const FORM_TOKEN_SCOPE = 'form-token';

/** What a sign-up comes to; the controller turns it into a page or JSON. */
export type SignupAnswer =
  /** Taken (or a robot thanked): the same answer for a new, known or confirmed address. */
  | { kind: 'accepted' }
  /** No mail server: nothing is stored. */
  | { kind: 'closed' }
  | { kind: 'too-many'; retryAfter: number; minutes: number }
  /** The form again: with problems, or only a token problem (check it and send it once more). */
  | { kind: 'form'; status: number; errors: SubmissionError[]; tokenProblem?: TokenProblem }
  /** The database failed (logged); never for anything a client sends. */
  | { kind: 'not-saved' };

/** What a confirmation link comes to. */
export type ConfirmAnswer =
  | { kind: 'wrong-link' }
  | { kind: 'expired' }
  | { kind: 'prompt' }
  | { kind: 'confirmed'; subscriber: Subscriber };

const secretOf = (strapi: Core.Strapi) => {
  const keys = (strapi.config.get('server.app.keys') as string[] | undefined) ?? [];
  if (keys.length === 0) throw new Error('APP_KEYS is not set: newsletter budgets need a key.');
  return createHash('sha256')
    .update(`hub-newsletter-budget:${keys.join(',')}`)
    .digest('hex');
};

/**
 * The subscription side of the newsletter: sign-up with double opt-in, confirmation, changing
 * the choices and leaving. Sign-ups are guarded like the submission forms (its form tokens,
 * attempt budget, honeypot), with budgets of their own: sign-ups per network address, and mails
 * per mailbox, both in the database so they hold across CMS instances. Every sign-up that passes
 * the checks gets the same answer, whether the address was new, waiting or confirmed: the form
 * never tells whether someone is subscribed.
 */
export class SubscriptionDesk {
  readonly settings: SubscriptionSettings;
  readonly store: SubscriberStore;
  readonly links: NewsletterLinks;
  private readonly signups: AddressBudget;
  private readonly mails: AddressBudget;

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly now: () => number = Date.now,
    settings: SubscriptionSettings = subscriptionSettings(),
  ) {
    this.settings = settings;
    this.store = new SubscriberStore(strapi);
    this.links = newsletterLinks(strapi, now);
    const marks = submissionDesk().marks;
    const secret = secretOf(strapi);
    this.signups = new AddressBudget(marks, SIGNUPS_SCOPE, settings.signupLimit, secret, now);
    this.mails = new AddressBudget(marks, MAILS_SCOPE, settings.mailLimit, secret, now);
  }

  /** A fresh form token for the sign-up form, as the submission forms get theirs. */
  issueFormToken(): string {
    return submissionDesk().tokens.issue();
  }

  private tooMany(retryAfter: number): SignupAnswer {
    return {
      kind: 'too-many',
      retryAfter,
      minutes: Math.ceil(this.settings.signupLimit.windowMs / 60_000),
    };
  }

  private log(error: unknown, what: string) {
    const message = error instanceof Error ? error.message : String(error);
    this.strapi.log.error(`[hub] ${what}: ${message}`);
  }

  /** `address` is the budget key of the sender (see client-address.ts). */
  async subscribe(body: unknown, address: string): Promise<SignupAnswer> {
    if (!this.settings.open) return { kind: 'closed' };
    const marks = submissionDesk().marks;
    try {
      const wait = await this.signups.retryAfterSeconds(address);
      if (wait > 0) return this.tooMany(wait);
    } catch (error) {
      this.log(error, 'The newsletter sign-up budget could not be checked');
      return { kind: 'not-saved' };
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      const message = 'We konden het formulier niet lezen. Probeer het opnieuw.';
      return { kind: 'form', status: 400, errors: [{ field: '', message }] };
    }
    const token = submissionDesk().tokens.read(sentField(body, NEWSLETTER_FIELDS.token));
    const honeypot = sentField(body, NEWSLETTER_FIELDS.honeypot);
    if (typeof honeypot === 'string' && honeypot.trim() !== '') {
      // A robot: thanked as anyone else, so it learns nothing; nothing is stored or mailed.
      await this.signups.record(address).catch(() => undefined);
      if (token.ok)
        await marks.claim(FORM_TOKEN_SCOPE, token.id, token.expiresAt).catch(() => false);
      this.strapi.log.info(
        '[hub] A newsletter sign-up filled in the honeypot; nothing was stored.',
      );
      return { kind: 'accepted' };
    }
    const result = validateNewsletterSignup(body);
    if (!token.ok) {
      const errors = result.ok ? [] : result.errors;
      return { kind: 'form', status: 400, errors, tokenProblem: token.problem };
    }
    if (!result.ok) return { kind: 'form', status: 400, errors: result.errors };

    let claimed: boolean;
    try {
      claimed = await marks.claim(FORM_TOKEN_SCOPE, token.id, token.expiresAt);
      if (!claimed) return { kind: 'form', status: 409, errors: [], tokenProblem: 'used' };
      const wait = await this.signups.take(address);
      if (wait > 0) {
        await marks.release(FORM_TOKEN_SCOPE, token.id);
        return this.tooMany(wait);
      }
    } catch (error) {
      this.log(error, 'A newsletter sign-up could not be counted');
      return { kind: 'not-saved' };
    }
    const { email, ...choices } = result.values;
    try {
      await this.keep(email, choices);
    } catch (error) {
      this.log(error, 'A newsletter sign-up could not be stored');
      await marks.release(FORM_TOKEN_SCOPE, token.id).catch(() => undefined);
      return { kind: 'not-saved' };
    }
    return { kind: 'accepted' };
  }

  /**
   * Stores or renews the sign-up and mails the address, without waiting for the mail server:
   * the answer never depends on whether the address was known, nor does its timing on mail.
   * A new or waiting address gets the confirmation link (a waiting one gets the new choices and
   * 48 hours again); a confirmed one keeps its choices and gets a short "you are subscribed".
   */
  private async keep(email: string, choices: NewsletterChoices): Promise<void> {
    const now = new Date(this.now());
    const found = await this.store.findByEmail(email);
    const { subscriber, created } = found
      ? { subscriber: found, created: false }
      : await this.store.add(email, choices, now);
    if (!created && !subscriber.confirmedAt) {
      await this.store.renewUnconfirmed(subscriber.documentId, choices, now);
    }
    const siteName = await siteNameOf(this.strapi);
    const mail = subscriber.confirmedAt
      ? alreadySubscribedMail(
          siteName,
          this.links.manageUrl(subscriber),
          this.links.unsubscribeUrl(subscriber),
        )
      : confirmationMail(siteName, choices, this.links.confirmUrl(subscriber));
    void this.mailWithinBudget(email, mail);
  }

  /** Sends a mail unless this mailbox has had its share (NEWSLETTER_MAIL_LIMIT); never throws. */
  private async mailWithinBudget(email: string, mail: SubscriberMail): Promise<void> {
    try {
      if ((await this.mails.take(email)) > 0) {
        this.strapi.log.info('[hub] A newsletter mail was not sent: this mailbox had its share.');
        return;
      }
      await this.strapi
        .plugin('email')
        .service('email')
        .send({ to: email, ...mail });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.strapi.log.warn(`[hub] A newsletter sign-up mail could not be sent: ${message}`);
    }
  }

  /**
   * What a confirmation link says; `confirm` (a POST, the page's button) confirms, a GET only
   * asks, so a mail scanner that opens every link confirms nobody. Confirming twice is harmless:
   * the first moment stays, and the answer is the same.
   */
  async confirm(token: string, confirm: boolean): Promise<ConfirmAnswer> {
    const link = this.links.readToken(token, 'confirm');
    if (!link) {
      return this.links.isExpiredConfirmToken(token) ? { kind: 'expired' } : { kind: 'wrong-link' };
    }
    const subscriber = await this.store.findByDocumentId(link.documentId);
    // Deleted: unconfirmed for 48 hours (the clean-up), or left already.
    if (!subscriber) return { kind: 'expired' };
    if (subscriber.confirmedAt) return { kind: 'confirmed', subscriber };
    if (!confirm) return { kind: 'prompt' };
    await this.store.confirm(subscriber.documentId, new Date(this.now()));
    return { kind: 'confirmed', subscriber };
  }

  /** The subscriber an unsubscribe or manage link names: null for a wrong link, 'gone' if left. */
  async subscriberOf(
    token: string,
    purpose: 'unsubscribe' | 'manage',
  ): Promise<Subscriber | 'gone' | null> {
    const link = this.links.readToken(token, purpose);
    if (!link) return null;
    return (await this.store.findByDocumentId(link.documentId)) ?? 'gone';
  }
}

const desks = new WeakMap<Core.Strapi, SubscriptionDesk>();

/** The subscription desk of the running CMS, made on first use. */
export function subscriptionDesk(strapi: Core.Strapi): SubscriptionDesk {
  let desk = desks.get(strapi);
  if (!desk) {
    desk = new SubscriptionDesk(strapi);
    desks.set(strapi, desk);
  }
  return desk;
}

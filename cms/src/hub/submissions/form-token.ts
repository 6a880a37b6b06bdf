import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a form token is good for. */
export const FORM_TOKEN_LIFETIME_MS = 24 * 60 * 60_000;

/** Why a form token does not allow a submission. */
export type TokenProblem = 'missing' | 'invalid' | 'too-fast' | 'expired' | 'used';

/** A form token as read: its one-time id and until when it is good, or why it is not good. */
export type TokenReading =
  { ok: true; id: string; expiresAt: number } | { ok: false; problem: TokenProblem };

const ID = /^[A-Za-z0-9_-]{22}$/;

/**
 * Form tokens: the moment a form was handed out and a random id, signed by the CMS. A
 * submission must carry one that is at least `minFillMs` and at most a day old, so a robot that
 * posts the moment it finds the form is refused, and a token cannot be made up or moved in
 * time. The id makes a token good for one submission: the submission desk claims it in the
 * database (see submission-marks.ts), which is what says 'used'.
 */
export class FormTokens {
  constructor(
    private readonly secret: string,
    private readonly minFillMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private sign(issuedAt: string, id: string): string {
    return createHmac('sha256', this.secret)
      .update(`form-token:${issuedAt}.${id}`)
      .digest('base64url');
  }

  issue(): string {
    const issuedAt = String(this.now());
    const id = randomBytes(16).toString('base64url');
    return `${issuedAt}.${id}.${this.sign(issuedAt, id)}`;
  }

  /** Reads a token: good now (not yet claimed), or why not. */
  read(token: unknown): TokenReading {
    if (typeof token !== 'string' || token === '') return { ok: false, problem: 'missing' };
    const [issuedAt = '', id = '', signature = '', ...rest] = token.split('.');
    const expected = Buffer.from(this.sign(issuedAt, id));
    const given = Buffer.from(signature);
    const wellFormed = /^\d{1,15}$/.test(issuedAt) && ID.test(id) && rest.length === 0;
    if (!wellFormed || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, problem: 'invalid' };
    }
    const age = this.now() - Number(issuedAt);
    if (age < this.minFillMs) return { ok: false, problem: 'too-fast' };
    if (age > FORM_TOKEN_LIFETIME_MS) return { ok: false, problem: 'expired' };
    return { ok: true, id, expiresAt: Number(issuedAt) + FORM_TOKEN_LIFETIME_MS };
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Form tokens: the moment a form was handed out, signed by the CMS. A submission must carry one
 * that is at least `minFillMs` and at most a day old, so a robot that posts the moment it finds
 * the form is refused, and a token cannot be made up or moved in time.
 */
export class FormTokens {
  constructor(
    private readonly secret: string,
    private readonly minFillMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private sign(issuedAt: string): string {
    return createHmac('sha256', this.secret).update(`form-token:${issuedAt}`).digest('base64url');
  }

  issue(): string {
    const issuedAt = String(this.now());
    return `${issuedAt}.${this.sign(issuedAt)}`;
  }

  /** Why this token does not allow a submission now, or null when it does. */
  problem(token: unknown): 'missing' | 'invalid' | 'too-fast' | 'expired' | null {
    if (typeof token !== 'string' || token === '') return 'missing';
    const [issuedAt = '', signature = ''] = token.split('.');
    const expected = Buffer.from(this.sign(issuedAt));
    const given = Buffer.from(signature);
    if (!/^\d{1,15}$/.test(issuedAt) || given.length !== expected.length) return 'invalid';
    if (!timingSafeEqual(given, expected)) return 'invalid';
    const age = this.now() - Number(issuedAt);
    if (age < this.minFillMs) return 'too-fast';
    if (age > 24 * 60 * 60_000) return 'expired';
    return null;
  }
}

import { parseRateLimit, type RateLimit } from '../../submissions/rate-limiter';

/** How the newsletter's sign-up behaves; from the environment (see cms/.env.example). */
export interface SubscriptionSettings {
  /**
   * Whether sign-up is open: only with a mail server (SMTP_HOST), as a sign-up that can never
   * be confirmed would keep an address for 48 hours for nothing, and leave someone waiting.
   */
  open: boolean;
  /** NEWSLETTER_SIGNUP_LIMIT: sign-ups per network address, default 5 per 10 minutes. */
  signupLimit: RateLimit;
  /**
   * NEWSLETTER_MAIL_LIMIT: mails to one mailbox (confirmation or "already subscribed"), default
   * 3 per 24 hours, so the form cannot be used to flood somebody else's mailbox.
   */
  mailLimit: RateLimit;
}

export function subscriptionSettings(env: NodeJS.ProcessEnv = process.env): SubscriptionSettings {
  return {
    open: Boolean(env.SMTP_HOST?.trim()),
    signupLimit: parseRateLimit(env.NEWSLETTER_SIGNUP_LIMIT, 'NEWSLETTER_SIGNUP_LIMIT', '5/10'),
    mailLimit: parseRateLimit(env.NEWSLETTER_MAIL_LIMIT, 'NEWSLETTER_MAIL_LIMIT', '3/1440'),
  };
}

/** The newsletter's sending settings, read from the environment (see cms/.env.example). */
export interface NewsletterSettings {
  /** Cron rule of the weekly moment, in Europe/Amsterdam time (NEWSLETTER_SCHEDULE). */
  schedule: string;
  /** Mails per second at most (NEWSLETTER_SEND_RATE); 0: as fast as the server takes them. */
  ratePerSecond: number;
  /** SMTP connections at once (NEWSLETTER_SMTP_CONNECTIONS). */
  connections: number;
  /** Tries per mail when the server says "try later" or the connection breaks. */
  attempts: number;
  /** Days the first edition looks back when no edition was sent before. */
  firstEditionDays: number;
}

/** Thursday 09:00: read with the morning coffee, and in time for the weekend's activities. */
export const DEFAULT_NEWSLETTER_SCHEDULE = '0 9 * * 4';

const wholeNumber = (value: string | undefined, fallback: number, min: number): number => {
  const number = Number(value?.trim() || NaN);
  return Number.isInteger(number) && number >= min ? number : fallback;
};

/** The settings, with defaults for what is unset or unreadable. */
export function newsletterSettings(env: NodeJS.ProcessEnv = process.env): NewsletterSettings {
  return {
    schedule: env.NEWSLETTER_SCHEDULE?.trim() || DEFAULT_NEWSLETTER_SCHEDULE,
    ratePerSecond: wholeNumber(env.NEWSLETTER_SEND_RATE, 20, 0),
    connections: wholeNumber(env.NEWSLETTER_SMTP_CONNECTIONS, 3, 1),
    attempts: 3,
    firstEditionDays: 7,
  };
}

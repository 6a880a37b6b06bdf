import nodemailer from 'nodemailer';
import type { NewsletterSettings } from './settings';

/** One newsletter mail, ready to send. */
export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** RFC 8058 one-click unsubscribe address (https). */
  unsubscribeUrl: string;
}

/** What became of one mail after all tries. */
export type SendOutcome = 'sent' | 'failed';

/** Sends newsletter mails; `close` ends the pooled connections. */
export interface NewsletterMailer {
  send(mail: OutgoingMail): Promise<SendOutcome>;
  close(): void;
}

/** The SMTP settings the CMS's other mails use (SMTP_*, EMAIL_FROM), or null without SMTP_HOST. */
export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  user: string;
  password: string;
  from: string;
}

export function smtpSettings(env: NodeJS.ProcessEnv = process.env): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  return {
    host,
    port: Number(env.SMTP_PORT) || 587,
    secure: env.SMTP_SECURE === 'true',
    user: env.SMTP_USER?.trim() ?? '',
    password: env.SMTP_PASSWORD ?? '',
    from: env.EMAIL_FROM?.trim() || 'hub@localhost',
  };
}

/**
 * Whether a failure may pass when tried again: the server said "not now" (4xx: greylisting, too
 * many connections, a full queue) or the connection broke. A 5xx (unknown address, refused) will
 * not change by trying again.
 */
export function isTemporary(error: unknown): boolean {
  const { responseCode, code } = (error ?? {}) as { responseCode?: number; code?: string };
  if (typeof responseCode === 'number') return responseCode >= 400 && responseCode < 500;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'EPIPE'].includes(
    code ?? '',
  );
}

/** The headers every newsletter mail carries (RFC 2369 and RFC 8058). */
export function listHeaders(unsubscribeUrl: string, listHost: string): Record<string, string> {
  return {
    'List-Unsubscribe': `<${unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': `Nieuwsbrief <nieuwsbrief.${listHost}>`,
  };
}

/**
 * A mailer over SMTP with nodemailer's pooled transport: a few connections kept open, at most
 * `ratePerSecond` mails a second (mail servers throttle or block a sudden burst from one
 * sender), and up to `attempts` tries with a growing pause on temporary failures.
 */
export function smtpNewsletterMailer(
  smtp: SmtpSettings,
  settings: Pick<NewsletterSettings, 'ratePerSecond' | 'connections' | 'attempts'>,
  options: {
    siteName: string;
    listHost: string;
    retryPauseMs?: number;
    log?: (line: string) => void;
  },
): NewsletterMailer {
  const transport = nodemailer.createTransport({
    pool: true,
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
    maxConnections: settings.connections,
    maxMessages: 500,
    ...(settings.ratePerSecond > 0 ? { rateDelta: 1000, rateLimit: settings.ratePerSecond } : {}),
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  const pause = options.retryPauseMs ?? 5_000;
  return {
    async send(mail) {
      for (let attempt = 1; ; attempt++) {
        try {
          await transport.sendMail({
            from: { name: options.siteName, address: smtp.from },
            to: mail.to,
            subject: mail.subject,
            html: mail.html,
            text: mail.text,
            headers: listHeaders(mail.unsubscribeUrl, options.listHost),
          });
          return 'sent';
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (!isTemporary(error) || attempt >= settings.attempts) {
            options.log?.(`A newsletter mail could not be sent (try ${attempt}): ${message}`);
            return 'failed';
          }
          await new Promise((resolve) => setTimeout(resolve, pause * attempt));
        }
      }
    },
    close: () => transport.close(),
  };
}

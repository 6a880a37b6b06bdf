import nodemailer from 'nodemailer';
import { dutchMoment, explainFailure, failuresInARow, type BuildFailureKind } from '@hub/shared';
import { classifyBuildError } from '../../../site/scripts/build-failure';
import type { BuildRecord } from './publisher';
import type { LogLevel } from '../../../site/scripts/http/log-format';

/**
 * The mail editors get when the site stops being updated, and the one when it is updated again.
 * Whether to send is read from the build history alone (see mailOccasion), which the publisher
 * keeps in state.json: a restart sends nothing again, and a long run of failures sends one mail,
 * not one per build.
 */

/** Failed builds in a row before the editors are told. */
export const FAILURES_BEFORE_MAIL = 3;

/** Why a mail goes out: the site stopped being updated, or is updated again. */
export type MailOccasion = 'failing' | 'recovered';

/**
 * Whether the newest build in `history` calls for a mail: 'failing' when it makes the run of
 * failures exactly `threshold` long (a longer run was told already), 'recovered' when it is a
 * good build after a run of at least `threshold`; else null. Ask once per new build.
 */
export function mailOccasion(
  history: readonly Pick<BuildRecord, 'result'>[],
  threshold = FAILURES_BEFORE_MAIL,
): MailOccasion | null {
  const newest = history.at(-1);
  if (!newest) return null;
  if (newest.result === 'failed') return failuresInARow(history) === threshold ? 'failing' : null;
  return failuresInARow(history.slice(0, -1)) >= threshold ? 'recovered' : null;
}

/** A mail to the editors. */
export interface FailureMail {
  subject: string;
  text: string;
}

const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;

const SIGNATURE =
  'Dit bericht is automatisch verstuurd door de website. U hoeft niet te antwoorden.';

/** The failure kind of a record (records from before kinds existed are classified by their error). */
function kindOf(record: BuildRecord | undefined): BuildFailureKind {
  return record?.failure?.kind ?? classifyBuildError(record?.error ?? '');
}

/**
 * The mail for an occasion, in Dutch at B1, from the history that called for it. It names no
 * one and holds no operator details (hosts, paths): only what went wrong in plain words, what
 * to do, and that readers still get the old site.
 */
export function failureMail(
  occasion: MailOccasion,
  history: readonly BuildRecord[],
  siteUrl: string,
): FailureMail {
  const newest = history.at(-1);
  const failed = occasion === 'failing' ? history : history.slice(0, -1);
  const count = failuresInARow(failed);
  const first = failed[failed.length - count];
  const since = dutchMoment(first?.startedAt || first?.finishedAt || '');
  if (occasion === 'failing') {
    const { reason, advice } = explainFailure(kindOf(newest));
    return {
      subject: 'De website wordt niet bijgewerkt',
      text: [
        'Hallo,',
        `De website kan sinds ${since} niet worden bijgewerkt. Het is ${count} keer achter elkaar mislukt.`,
        `Wat ging er mis?\n${sentence(reason)}`,
        `Wat kunt u doen?\n${advice}`,
        'De oude versie van de website blijft online. Bezoekers zien dus geen fout. Maar uw ' +
          'nieuwe wijzigingen staan er nog niet op.',
        `De website: ${siteUrl}`,
        'Lukt het bijwerken weer? Dan krijgt u nog één bericht. Tot die tijd krijgt u hierover ' +
          'geen berichten meer.',
        SIGNATURE,
      ].join('\n\n'),
    };
  }
  return {
    subject: 'De website wordt weer bijgewerkt',
    text: [
      'Hallo,',
      `Goed nieuws: de website wordt weer bijgewerkt. Sinds ${dutchMoment(newest?.finishedAt ?? '')} staat de nieuwste versie online.`,
      `Het bijwerken was ${count} keer achter elkaar mislukt, vanaf ${since}. Alles wat u in ` +
        'die tijd heeft gepubliceerd, staat nu ook op de website. U hoeft niets te doen.',
      `De website: ${siteUrl}`,
      SIGNATURE,
    ].join('\n\n'),
  };
}

/** Sends the editors' mails; never rejects (a mail that cannot go out is logged). */
export interface Mailer {
  send(mail: FailureMail): Promise<void>;
}

/** Where and how the failure mails go (SMTP_* and EMAIL_FROM as the CMS reads them). */
export interface MailSettings {
  host: string;
  port: number;
  /** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  from: string;
  /** PUBLISH_NOTIFY_TO: the editors' addresses. */
  to: string[];
}

/** A Mailer over SMTP with nodemailer. */
export function smtpMailer(
  settings: MailSettings,
  log: (line: string, level?: LogLevel) => void,
): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    // A mail server that does not answer must not keep a mail pending for minutes.
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      try {
        await transport.sendMail({
          from: settings.from,
          to: settings.to,
          subject: mail.subject,
          text: mail.text,
        });
        log(`Mail "${mail.subject}" sent to ${settings.to.length} editor(s).`);
      } catch (error) {
        log(
          `The mail "${mail.subject}" could not be sent through ${settings.host}:${settings.port}: ` +
            `${error instanceof Error ? error.message : String(error)}`,
          'error',
        );
      }
    },
  };
}

import type { Core } from '@strapi/strapi';
import { MAASTRICHT_DISTRICTS } from '@hub/shared';
import { newsletterLinks, newsletterSiteUrl, type NewsletterLinks } from '../links';
import { collectPublishedItems } from './collect-items';
import type { DigestItem } from './digest-item';
import { Deliveries } from './deliveries';
import { editionDate } from './event-when';
import {
  claimEdition,
  clearEditorsWords,
  documentsSentSince,
  editionsFinishedBefore,
  editorsWords,
  finishEdition,
  latestEdition,
  unfinishedEditions,
  type EditionRecord,
  type EditorsWords,
} from './edition-store';
import type { NewsletterMailer } from './mailer';
import { personalise, renderEdition, type RenderedEdition } from './render-edition';
import { choiceKey, sectionsFor } from './select-items';
import { newsletterSettings } from './settings';
import { confirmedRecipients, type Recipient } from './subscribers';

const DAY_MS = 24 * 60 * 60_000;
/** A document sent in an edition of the last year is not news again when it is republished. */
const REMEMBER_SENT_MS = 365 * DAY_MS;
/** Deliveries of editions finished this long ago are deleted: nobody resumes those. */
const KEEP_DELIVERIES_MS = 30 * DAY_MS;
/**
 * Recipients claimed at once, and so the mails in flight at once. It bounds what a crash costs:
 * the mails of one batch that were handed over but not recorded stay "claimed" and are not sent
 * again (at most once), so at most this many people can miss an edition when a send dies.
 */
export const SEND_BATCH = 50;

/** The site's name from "Site-instellingen", for the sender and the top of the mail. */
async function siteName(strapi: Core.Strapi): Promise<string> {
  const row = (await strapi.db.query('api::site.site' as never).findOne({})) as {
    siteName?: unknown;
  } | null;
  return typeof row?.siteName === 'string' && row.siteName.trim()
    ? row.siteName.trim()
    : 'Samen tegen eenzaamheid in Maastricht';
}

/** The next edition as it would be claimed now, or null when nothing new was published. */
export interface PlannedEdition {
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  items: DigestItem[];
  subject: string;
  intro: string | null;
  words: EditorsWords;
}

/** The default subject: what it is and the date, so it is found again in a mailbox. */
export const defaultSubject = (name: string, date: Date) =>
  `Nieuwsbrief ${name}: ${editionDate(date)}`;

/**
 * Plans the edition that is due at `now`: everything published since the newest edition ended
 * (the first one looks back a week), minus what was sent before. Null when nothing is new.
 */
export async function planEdition(strapi: Core.Strapi, now: Date): Promise<PlannedEdition | null> {
  const latest = await latestEdition(strapi);
  const periodStart = latest
    ? new Date(latest.periodEnd)
    : new Date(now.getTime() - newsletterSettings().firstEditionDays * DAY_MS);
  if (periodStart >= now) return null;
  const sent = await documentsSentSince(strapi, new Date(now.getTime() - REMEMBER_SENT_MS));
  const items = await collectPublishedItems(
    strapi,
    { from: periodStart, to: now },
    newsletterSiteUrl(),
    sent,
  );
  if (items.length === 0) return null;
  const words = await editorsWords(strapi);
  return {
    periodKey: latest ? `na-${latest.id}` : 'eerste',
    periodStart,
    periodEnd: now,
    items,
    subject: words.subject ?? defaultSubject(await siteName(strapi), now),
    intro: words.intro,
    words,
  };
}

/** Renders the mails of one edition, once per kind of subscriber (parts and stadsdeel). */
export function editionRenderer(edition: {
  items: DigestItem[];
  subject: string;
  intro: string | null;
  date: Date;
  siteName: string;
}) {
  const cache = new Map<string, Promise<RenderedEdition>>();
  const siteUrl = newsletterSiteUrl();
  /** The rendered mail for this subscriber's choice, or null when nothing in it is for them. */
  return (recipient: Pick<Recipient, 'parts' | 'district'>): Promise<RenderedEdition> | null => {
    const sections = sectionsFor(edition.items, recipient);
    if (sections.length === 0) return null;
    const key = `${recipient.district ?? ''}#${choiceKey(sections)}`;
    let rendered = cache.get(key);
    if (!rendered) {
      const districtName =
        MAASTRICHT_DISTRICTS.find((district) => district.slug === recipient.district)?.name ?? null;
      rendered = renderEdition({ ...edition, siteUrl, sections, districtName });
      cache.set(key, rendered);
    }
    return rendered;
  };
}

/** The next edition as editors preview it and `newsletter:send --dry-run` prints it. */
export interface EditionPreview {
  /** False when nothing new was published: no edition would go out. */
  due: boolean;
  periodStart: string | null;
  periodEnd: string;
  subject: string;
  itemCount: number;
  /** Confirmed subscribers who would get a mail (whose parts and stadsdeel have items). */
  recipientCount: number;
  /** The mail for someone who chose every part, whole city (links to the sign-up page). */
  html: string;
  text: string;
  /** An edition whose send was interrupted (or is running) and is finished first. */
  unfinished: number;
}

export async function previewNextEdition(strapi: Core.Strapi, now: Date): Promise<EditionPreview> {
  const [plan, unfinished] = await Promise.all([
    planEdition(strapi, now),
    unfinishedEditions(strapi),
  ]);
  const base = {
    periodEnd: now.toISOString(),
    unfinished: unfinished.length,
  };
  if (!plan) {
    return {
      ...base,
      due: false,
      periodStart: null,
      subject: '',
      itemCount: 0,
      recipientCount: 0,
      html: '',
      text: '',
    };
  }
  const render = editionRenderer({ ...plan, date: now, siteName: await siteName(strapi) });
  let recipientCount = 0;
  for await (const page of confirmedRecipients(strapi)) {
    for (const recipient of page) if (render(recipient)) recipientCount++;
  }
  const everything = render({
    parts: ['nieuws', 'agenda', 'goede-voorbeelden'],
    district: null,
  });
  const signUp = `${newsletterSiteUrl()}/nieuwsbrief/`;
  if (!everything) throw new Error('An edition with items rendered nothing for every part.');
  const mail = personalise(await everything, { unsubscribeUrl: signUp, manageUrl: signUp });
  return {
    ...base,
    due: true,
    periodStart: plan.periodStart.toISOString(),
    subject: plan.subject,
    itemCount: plan.items.length,
    recipientCount,
    html: mail.html,
    text: mail.text,
  };
}

/** What one edition's send did on this instance. */
export interface EditionReport {
  editionId: number;
  periodStart: string;
  periodEnd: string;
  items: number;
  /** Mails this call handed to the mail server. */
  sent: number;
  /** Mails the server refused for good, or that failed every try. */
  failed: number;
  /** Whether this was an interrupted send taken up again. */
  resumed: boolean;
}

/** What a send did. */
export interface SendReport {
  outcome: 'sent' | 'nothing-new' | 'claimed-elsewhere';
  editions: EditionReport[];
}

/** What sending needs from outside: the mailer, the clock, and where to log. */
export interface SendOptions {
  mailer: NewsletterMailer;
  now?: () => Date;
  links?: NewsletterLinks;
  log?: (line: string) => void;
}

/**
 * Mails one edition to every confirmed subscriber it has something for, page by page. Each
 * page's subscribers are claimed in the database before their mails are handed over (see
 * deliveries.ts): an instance that sends at the same moment, or a later run that takes up an
 * interrupted send, skips everyone claimed, so nobody gets the edition twice.
 */
async function mailEdition(
  strapi: Core.Strapi,
  edition: EditionRecord,
  options: Required<Omit<SendOptions, 'log'>> & Pick<SendOptions, 'log'>,
  resumed: boolean,
): Promise<EditionReport> {
  const deliveries = new Deliveries(strapi);
  const render = editionRenderer({
    items: edition.items,
    subject: edition.subject,
    intro: edition.intro,
    date: new Date(edition.periodEnd),
    siteName: await siteName(strapi),
  });
  const report: EditionReport = {
    editionId: edition.id,
    periodStart: edition.periodStart,
    periodEnd: edition.periodEnd,
    items: edition.items.length,
    sent: 0,
    failed: 0,
    resumed,
  };
  const sendOne = async (recipient: Recipient, rendered: Promise<RenderedEdition>) => {
    const unsubscribeUrl = options.links.unsubscribeUrl(recipient);
    const mail = personalise(await rendered, {
      unsubscribeUrl,
      manageUrl: options.links.manageUrl(recipient),
    });
    return options.mailer.send({ to: recipient.email, unsubscribeUrl, ...mail });
  };
  for await (const page of confirmedRecipients(strapi)) {
    const wanted = page.flatMap((recipient) => {
      const rendered = render(recipient);
      return rendered ? [{ recipient, rendered }] : [];
    });
    for (let start = 0; start < wanted.length; start += SEND_BATCH) {
      const batch = wanted.slice(start, start + SEND_BATCH);
      const claimed = new Set(
        await deliveries.claim(
          edition.id,
          batch.map(({ recipient }) => recipient.id),
        ),
      );
      const mine = batch.filter(({ recipient }) => claimed.has(recipient.id));
      // allSettled: when something breaks mid-batch, the mails that did go out are still
      // recorded as sent before the error goes on.
      const settled = await Promise.allSettled(
        mine.map(({ recipient, rendered }) => sendOne(recipient, rendered)),
      );
      const idsWith = (outcome: string) =>
        mine
          .filter((_, index) => {
            const result = settled[index];
            return result?.status === 'fulfilled' && result.value === outcome;
          })
          .map(({ recipient }) => recipient.id);
      const sent = idsWith('sent');
      const failed = idsWith('failed');
      await deliveries.mark(edition.id, sent, 'sent');
      await deliveries.mark(edition.id, failed, 'failed');
      report.sent += sent.length;
      report.failed += failed.length;
      const broken = settled.find((result) => result.status === 'rejected');
      if (broken) throw broken.reason;
    }
  }
  const counts = await deliveries.count(edition.id);
  await finishEdition(strapi, edition.id, counts.sent, options.now());
  options.log?.(
    `Newsletter edition ${edition.id} (${edition.items.length} items): ${report.sent} mails sent by this run, ` +
      `${counts.sent} in all, ${counts.failed} failed` +
      (counts.claimed > 0 ? `, ${counts.claimed} not confirmed by the mail server` : '') +
      '.',
  );
  return report;
}

/**
 * Sends what is due: first any edition whose send was interrupted (only to those not claimed
 * yet), then the new edition when something new was published. Never sends an edition twice:
 * the edition is claimed by one INSERT on a unique key before any mail goes out.
 */
export async function sendDueEdition(
  strapi: Core.Strapi,
  options: SendOptions,
): Promise<SendReport> {
  const full = {
    ...options,
    now: options.now ?? (() => new Date()),
    links: options.links ?? newsletterLinks(strapi),
  };
  const reports: EditionReport[] = [];
  for (const edition of await unfinishedEditions(strapi)) {
    reports.push(await mailEdition(strapi, edition, full, true));
  }
  const plan = await planEdition(strapi, full.now());
  let outcome: SendReport['outcome'] = reports.length > 0 ? 'sent' : 'nothing-new';
  if (plan) {
    const edition = await claimEdition(strapi, {
      periodKey: plan.periodKey,
      periodStart: plan.periodStart.toISOString(),
      periodEnd: plan.periodEnd.toISOString(),
      subject: plan.subject,
      intro: plan.intro,
      items: plan.items,
    });
    if (edition) {
      await clearEditorsWords(strapi, plan.words);
      reports.push(await mailEdition(strapi, edition, full, false));
      outcome = 'sent';
    } else if (reports.length === 0) {
      outcome = 'claimed-elsewhere';
    }
  }
  const old = await editionsFinishedBefore(
    strapi,
    new Date(full.now().getTime() - KEEP_DELIVERIES_MS),
  );
  await new Deliveries(strapi).forget(old);
  return { outcome, editions: reports };
}

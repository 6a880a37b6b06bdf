/**
 * The measured side of the newsletter bench (see newsletter.ts), in a process of its own so its
 * memory is the sender's: boots a CMS on a fresh SQLite database, adds confirmed subscribers and
 * a week's worth of published items, then sends the edition through the SMTP catcher the
 * parent runs. Prints one line `NEWSLETTER_BENCH {json}` with what it measured.
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir as cmsDir, bootTestCms } from '../../../cms/test/harness';
import type { NewsletterPart } from '@hub/shared';

const require = createRequire(import.meta.url);
const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
process.env.ENV_PATH = path.join(cmsDir, 'test', 'no-such.env');
const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
const cms = await bootTestCms({
  SMTP_HOST: '127.0.0.1',
  SMTP_PORT: String(process.env.BENCH_SMTP_PORT),
  EMAIL_FROM: 'nieuwsbrief@voorbeeld.nl',
  SITE_URL: 'https://hub.example.nl',
  NEWSLETTER_SEND_RATE: process.env.BENCH_SEND_RATE ?? '0',
  NEWSLETTER_SMTP_CONNECTIONS: process.env.BENCH_SMTP_CONNECTIONS ?? '5',
  LOG_LEVEL: 'error',
});
// The compiled modules, as the server runs them.
const editions = (file: string) =>
  require(path.join(cmsDir, 'dist', 'src', 'hub', 'newsletter', 'editions', file));
// Typed here, not imported: the CMS's mail code is no part of the scripts' typecheck.
interface Mailer {
  close(): void;
}
const { sendDueEdition } = editions('send-edition.js') as {
  sendDueEdition: (
    strapi: unknown,
    options: { mailer: Mailer },
  ) => Promise<{ editions: { items: number; sent: number; failed: number }[] }>;
};
const { configuredMailer } = editions('newsletter-task.js') as {
  configuredMailer: (strapi: unknown) => Mailer | null;
};
const districtAt = (list: { documentId: string }[], index: number): string =>
  list[index % list.length]?.documentId ?? '';

try {
  // Subscribers with every mix of parts and stadsdelen a sign-up allows.
  const choices: NewsletterPart[][] = [
    ['nieuws', 'agenda', 'goede-voorbeelden'],
    ['nieuws'],
    ['agenda'],
    ['goede-voorbeelden'],
    ['nieuws', 'agenda'],
  ];
  const districts = [null, 'centrum', 'noord', 'noord-west', 'oost', 'west', 'zuid', 'zuid-west'];
  const now = new Date();
  for (let start = 0; start < subscribers; start += 500) {
    const data = Array.from({ length: Math.min(500, subscribers - start) }, (_, offset) => {
      const n = start + offset;
      return {
        email: `lezer${n}@voorbeeld.nl`,
        parts: choices[n % choices.length],
        district: districts[n % districts.length],
        signedUpAt: now,
        confirmedAt: now,
      };
    });
    await cms.strapi.db
      .query('api::newsletter-subscriber.newsletter-subscriber' as never)
      .createMany({ data });
  }
  // A busy week: 15 news items, 10 activities and 5 good practices, some for one stadsdeel.
  const districtIds = (await cms.strapi.db
    .query('api::district.district')
    .findMany({ select: ['documentId'] })) as { documentId: string }[];
  const body = [{ type: 'paragraph', children: [{ type: 'text', text: 'Tekst.' }] }];
  for (let i = 0; i < 15; i++) {
    await cms.strapi.documents('api::article.article').create({
      data: {
        title: `Nieuws ${i}`,
        summary: 'Een bericht van de coalitie, met een samenvatting van twee zinnen. Lees verder.',
        body,
        districts: i % 3 === 0 ? [districtAt(districtIds, i)] : [],
      },
      status: 'published',
    } as never);
  }
  for (let i = 0; i < 10; i++) {
    await cms.strapi.documents('api::event.event').create({
      data: {
        title: `Activiteit ${i}`,
        summary: 'Samen koffie drinken en praten in het buurthuis.',
        startsAt: new Date(Date.now() + (i + 1) * 86_400_000).toISOString(),
        eventStatus: 'gepland',
        location: {
          venue: 'Buurthuis',
          city: 'Maastricht',
          district: districtAt(districtIds, i),
        },
      },
      status: 'published',
    } as never);
  }
  for (let i = 0; i < 5; i++) {
    await cms.strapi.documents('api::good-practice.good-practice').create({
      data: {
        title: `Goed voorbeeld ${i}`,
        summary: 'Buren eten samen, elke week.',
        activityType: 'eettafel of sociaal restaurant',
        evidenceLevel: 'goed beschreven',
      },
      status: 'published',
    } as never);
  }

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const mailer = configuredMailer(cms.strapi);
  if (!mailer) throw new Error('No SMTP settings');
  const started = performance.now();
  const report = await sendDueEdition(cms.strapi, { mailer });
  const seconds = (performance.now() - started) / 1000;
  mailer.close();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const edition = report.editions[0];
  console.log(
    `NEWSLETTER_BENCH ${JSON.stringify({
      subscribers,
      items: edition?.items ?? 0,
      sent: edition?.sent ?? 0,
      failed: edition?.failed ?? 0,
      seconds,
      rssBeforeBytes: rssBefore,
      peakRssBytes: peakRss,
    })}`,
  );
} finally {
  await cms.stop();
}
process.exit(0);

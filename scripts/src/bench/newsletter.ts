/**
 * Bench: the newsletter sent to 10,000 confirmed subscribers (issue 16, item 8), against a local
 * SMTP catcher in this process that counts what arrives. The sender runs in a child process
 * (newsletter-child.ts) so its time and memory are its own. Part of `npm run bench`; also runs
 * alone: `npx tsx scripts/src/bench/newsletter.ts` (BENCH_SUBSCRIBERS, BENCH_SEND_RATE to vary).
 */
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { repoRoot } from '../lib/paths';
import { measureNode } from './measure';

/** What the bench found. */
export interface NewsletterBench {
  subscribers: number;
  items: number;
  /** Mails the sender handed over, and mails the catcher received. */
  sent: number;
  received: number;
  failed: number;
  /** Seconds from the start of the send until the edition was recorded as sent. */
  sendSeconds: number;
  /** Mails per second over the send. */
  mailsPerSecond: number;
  /** The sender's resident memory before the send, and its peak during it. */
  rssBeforeBytes: number;
  peakRssBytes: number;
  /** Peak memory of the whole child (booting the CMS and filling it included). */
  processPeakBytes: number;
}

/** A mail server that accepts everything and counts it, nothing more (no parsing). */
async function countingCatcher() {
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        received += 1;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    port: (smtp.server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

/** Sends one edition to `subscribers` confirmed subscribers and measures it. */
export async function benchNewsletterSend(subscribers = 10_000): Promise<NewsletterBench> {
  const catcher = await countingCatcher();
  try {
    const measured = await measureNode(['src/bench/newsletter-child.ts'], {
      cwd: path.join(repoRoot, 'scripts'),
      tsx: true,
      env: {
        BENCH_SMTP_PORT: String(catcher.port),
        BENCH_SUBSCRIBERS: String(subscribers),
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --expose-gc`.trim(),
      },
    });
    const line = /^NEWSLETTER_BENCH (.*)$/m.exec(measured.output)?.[1];
    if (!line) throw new Error(`The newsletter bench printed no result:\n${measured.output}`);
    const found = JSON.parse(line) as {
      subscribers: number;
      items: number;
      sent: number;
      failed: number;
      seconds: number;
      rssBeforeBytes: number;
      peakRssBytes: number;
    };
    return {
      subscribers: found.subscribers,
      items: found.items,
      sent: found.sent,
      received: catcher.received(),
      failed: found.failed,
      sendSeconds: found.seconds,
      mailsPerSecond: found.sent / found.seconds,
      rssBeforeBytes: found.rssBeforeBytes,
      peakRssBytes: found.peakRssBytes,
      processPeakBytes: measured.peakBytes,
    };
  } finally {
    await catcher.close();
  }
}

/** The bench's table line. */
export function newsletterRow(bench: NewsletterBench): [string, string] {
  const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
  return [
    `Newsletter to ${bench.subscribers.toLocaleString('en')} confirmed subscribers (${bench.items} items)`,
    `${bench.sendSeconds.toFixed(1)} s, ${Math.round(bench.mailsPerSecond)} mails/s, ${bench.received} received, ` +
      `${bench.failed} failed; sender memory ${mb(bench.rssBeforeBytes)} before, peak ${mb(bench.peakRssBytes)}`,
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bench = await benchNewsletterSend(Number(process.env.BENCH_SUBSCRIBERS ?? 10_000));
  console.log(JSON.stringify(bench, null, 2));
  console.log(newsletterRow(bench).join(': '));
}

/**
 * `npm run bench [-- --quick]`: measures the publishing pipeline and the build, prints a table
 * and writes bench/results/<time>.json. Never part of `npm test`.
 *
 * 1. publish-to-live: publish through the CMS, time until the page answers 200 on the static
 *    server; median of 5, at demo size, at the large size (+1,000 articles, +300 practices,
 *    +300 events, with images) and at 10,000 articles (+3,000 practices, +3,000 events);
 *    with the files each build rendered;
 * 2. a rebuild without content change: images encoded instead of taken from the cache;
 * 3. full build time, CPU time and peak memory (of the build's whole process tree) at about
 *    1,000 articles and at 10,000 articles with 3,000 good practices and 3,000 events, beside a
 *    bare Astro build of as many minimal pages, measured the same way (--quick skips the 10,000
 *    size, and its publish-to-live);
 * 4. at the large size, the home page's latency while 30 clients fetch the largest feed, from the
 *    static server running as its own process, as under `npm start`;
 * 5. the newsletter sent to 10,000 confirmed subscribers through a local SMTP catcher (time and
 *    the sender's memory, in a process of its own: newsletter.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { appDir as cmsDir, bootTestCms, freePort } from '../../../cms/test/harness';
import { repoRoot, siteDir } from '../lib/paths';
import type { ExportStats } from '../../../site/scripts/export-site';
import { Publisher, type BuildRecord } from '../publisher/publisher';
import { createStaticServer } from '../static-server/server';
import { buildBareAstro } from './bare-astro';
import { homeLatencyUnderFeedLoad } from './feed-load';
import { addContent } from './generate';
import { measureNode, median } from './measure';
import { benchNewsletterSend, newsletterRow } from './newsletter';
import { spawn } from 'node:child_process';
import { waitForStatus } from '../lib/wait-for';

const require = createRequire(import.meta.url);
const quick = process.argv.includes('--quick');
const log = (line: string) => console.log(`[bench] ${line}`);
const results: Record<string, unknown> = {
  startedAt: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
};
const rows: [string, string][] = [];

// The compiled CMS, as the test suites use it.
process.env.ENV_PATH = path.join(cmsDir, 'test', 'no-such.env');
const { compileStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
process.env.LOG_LEVEL = 'error';
const cms = await bootTestCms();
const { seedDemoContent } = require(
  path.join(cmsDir, 'dist', 'src', 'hub', 'seed', 'seed-demo.js'),
);
await seedDemoContent(cms.strapi);
const token = fs.readFileSync(String(process.env.SITE_BUILD_TOKEN_FILE), 'utf8').trim();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));

const sitePort = await freePort();
const siteUrl = `http://127.0.0.1:${sitePort}`;
const publisher = new Publisher({
  root: path.join(work, 'publish'),
  siteDir,
  cms: () => ({ url: cms.url, token }),
  siteUrl,
  // The publisher's default: build at the first notice (notices during a build become one more).
  debounceMs: 0,
  keep: 2,
  buildTimeoutMs: 3_600_000,
  log: () => undefined,
});
const siteServer = await createStaticServer({ root: publisher.releases.liveLink });
await siteServer.listen({ port: sitePort, host: '127.0.0.1' });

/** Publishes five articles one after another; the time each took to answer on the site. */
async function publishToLive(label: string) {
  const times: number[] = [];
  const builds: BuildRecord[] = [];
  for (let run = 0; run < 5; run += 1) {
    const started = performance.now();
    const article = (await cms.strapi.documents('api::article.article').create({
      data: {
        title: `Live ${label} ${run}`,
        summary: 'Meting van publiceren tot live.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Meting.' }] }],
      },
      status: 'published',
    } as never)) as unknown as { slug: string };
    const before = (await publisher.status()).last?.id;
    // The CMS's webhook would call the publisher; here the publisher is notified directly.
    publisher.queue.notify();
    for (;;) {
      if ((await fetch(`${siteUrl}/nieuws/${article.slug}/`)).status === 200) break;
      // A failed build never makes the page live: stop instead of waiting for ever.
      const { last } = await publisher.status();
      if (last && last.id !== before && last.result === 'failed')
        throw new Error(`Publish to live (${label}) failed: ${last.error}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    times.push((performance.now() - started) / 1000);
    await publisher.queue.idle();
    const { last } = await publisher.status();
    if (last) builds.push(last);
  }
  return { times, builds };
}

/**
 * One site build in a process of its own: its time, peak memory and figures. A full build
 * (`recompile`) compiles the code too, as a build from a fresh checkout would.
 */
async function siteBuild(label: string, recompile = false) {
  const outDir = path.join(work, `build-${label}`);
  const statsFile = path.join(work, `stats-${label}.json`);
  const measured = await measureNode(['scripts/build-cli.ts'], {
    cwd: siteDir,
    tsx: true,
    env: {
      SITE_OUT_DIR: outDir,
      CMS_URL: cms.url,
      SITE_BUILD_TOKEN: token,
      SITE_URL: siteUrl,
      SITE_BUILD_STATS_FILE: statsFile,
      SITE_RECOMPILE: recompile ? '1' : '0',
      NODE_ENV: 'production',
    },
  });
  fs.rmSync(outDir, { recursive: true, force: true });
  const stats = JSON.parse(fs.readFileSync(statsFile, 'utf8')) as ExportStats;
  return { ...measured, stats };
}

/** Published documents of each kind in the CMS now. */
async function publishedCounts(): Promise<{ articles: number; practices: number; events: number }> {
  const count = (uid: string) =>
    cms.strapi.db.query(uid as never).count({ where: { publishedAt: { $notNull: true } } });
  return {
    articles: await count('api::article.article'),
    practices: await count('api::good-practice.good-practice'),
    events: await count('api::event.event'),
  };
}

/** How many of each kind to add to reach a size (none where the CMS has enough). */
async function missingContent(size: { articles: number; practices: number; events: number }) {
  const have = await publishedCounts();
  return {
    articles: Math.max(0, size.articles - have.articles),
    practices: Math.max(0, size.practices - have.practices),
    events: Math.max(0, size.events - have.events),
  };
}

const fmt = (seconds: number) => `${seconds.toFixed(1)} s`;
/** Keeps one series of publishes in the results and the table. */
function recordPublishes(
  key: string,
  size: string,
  run: Awaited<ReturnType<typeof publishToLive>>,
) {
  results[key] = {
    runs: run.times,
    median: median(run.times),
    builds: run.builds.map(({ durationMs, stats }) => ({ durationMs, stats })),
  };
  rows.push([`Publish to live, ${size} (median of 5)`, publishFigures(run)]);
}

/** The median, and what the builds did: files rendered of all, and the median build phases. */
function publishFigures({ times, builds }: Awaited<ReturnType<typeof publishToLive>>): string {
  const phase = (name: keyof ExportStats['seconds']) =>
    median(builds.map((build) => build.stats?.seconds[name] ?? Number.NaN)).toFixed(1);
  const rendered = median(builds.map((build) => build.stats?.rendered ?? Number.NaN));
  const files = builds.at(-1)?.stats?.files ?? 0;
  return (
    `${fmt(median(times))} (${rendered} of ${files} files rendered; read ${phase('fetch')} s, ` +
    `render ${phase('render')} s, search index ${phase('search')} s)`
  );
}
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** One build by the publisher, which must go live (the measures after it depend on it). */
async function buildLive(): Promise<void> {
  const build = await publisher.build();
  if (build.result !== 'live') throw new Error(`The publisher's build failed: ${build.error}`);
}

try {
  log('First build (demo content) ...');
  await buildLive();

  log('Rebuild without content change ...');
  await siteBuild('warm-cache');
  const unchanged = await siteBuild('unchanged');
  const images = unchanged.stats.images;
  results.rebuildWithoutChange = {
    seconds: unchanged.seconds,
    imagesEncoded: images.encoded,
    imagesReused: images.reused,
  };
  rows.push([
    'Rebuild without change: images re-encoded',
    `${images.encoded} (reused ${images.reused})`,
  ]);

  log('Publish to live, demo size ...');
  recordPublishes('publishToLiveDemo', 'demo size', await publishToLive('demo'));

  log('Generating the large size (+1,000 articles, +300 practices, +300 events) ...');
  await addContent(cms.strapi, { articles: 1000, practices: 300, events: 300 }, 'groot');
  await buildLive();
  log('Publish to live, large size ...');
  recordPublishes('publishToLiveLarge', 'large size', await publishToLive('large'));

  log('Home page while 30 clients fetch the largest feed ...');
  const loadPort = await freePort();
  const staticServer = spawn(process.execPath, ['--import', 'tsx', 'src/static-server-cli.ts'], {
    cwd: path.join(repoRoot, 'scripts'),
    env: {
      ...process.env,
      PUBLISH_DIR: path.join(work, 'publish'),
      SITE_PORT: String(loadPort),
      SITE_LOG_REQUESTS: 'false',
    },
    stdio: 'ignore',
  });
  try {
    const loadUrl = `http://127.0.0.1:${loadPort}`;
    await waitForStatus(`${loadUrl}/`, 200, staticServer, 60_000);
    const feedLoad = await homeLatencyUnderFeedLoad(loadUrl, publisher.releases.liveLink);
    results.homeUnderFeedLoad = feedLoad;
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    rows.push([
      'Home page while 30 clients fetch the largest feed (median / p95)',
      `${ms(feedLoad.loaded.median)} / ${ms(feedLoad.loaded.p95)} (alone: ${ms(feedLoad.idle.median)} / ` +
        `${ms(feedLoad.idle.p95)}; ${feedLoad.feed}, ${Math.round(feedLoad.feedBytes / 1024)} KB, ` +
        `${Math.round(feedLoad.feedRequestsPerSecond)} feed requests/s)`,
    ]);
  } finally {
    staticServer.kill('SIGTERM');
  }

  // The 1,000-article build is the large size as it is; the 10,000 one has 3,000 good practices
  // and 3,000 events besides, all with images.
  const sizes: { label: string; articles: number; practices: number; events: number }[] = [
    { label: '1k', articles: 1000, practices: 0, events: 0 },
  ];
  if (!quick) sizes.push({ label: '10k', articles: 10_000, practices: 3000, events: 3000 });
  const builds: Record<string, unknown> = {};
  for (const size of sizes) {
    const missing = await missingContent(size);
    if (Object.values(missing).some((count) => count > 0)) {
      log(`Generating content up to ${size.label}: ${JSON.stringify(missing)} ...`);
      await addContent(cms.strapi, missing, size.label);
    }
    const files = await publishedCounts();
    log(`Full build at ${size.articles} articles ...`);
    const site = await siteBuild(size.label, true);
    const bare = await buildBareAstro(site.stats.pages);
    builds[size.label] = {
      content: files,
      // Where the site's time went: its own figures (compiling is the rest).
      // Peak: the summed memory of the build's process tree (it compiles in a child process,
      // and Pagefind runs as one); maxRss: the build process's own.
      site: {
        seconds: site.seconds,
        cpuSeconds: site.cpuSeconds,
        peakBytes: site.peakBytes,
        maxRssBytes: site.maxRssBytes,
        stats: site.stats,
      },
      bare: {
        pages: site.stats.pages,
        seconds: bare.seconds,
        cpuSeconds: bare.cpuSeconds,
        peakBytes: bare.peakBytes,
        maxRssBytes: bare.maxRssBytes,
      },
      ratio: site.seconds / bare.seconds,
    };
    rows.push([
      `Full build, ${files.articles} articles, ${files.practices} practices, ${files.events} events: site / bare Astro (${site.stats.pages} pages)`,
      `${fmt(site.seconds)} / ${fmt(bare.seconds)} = ${(site.seconds / bare.seconds).toFixed(2)}x, ` +
        `CPU ${fmt(site.cpuSeconds)} / ${fmt(bare.cpuSeconds)}, ` +
        `peak (process tree) ${mb(site.peakBytes)} / ${mb(bare.peakBytes)}`,
    ]);
    if (size.label === '10k') {
      log('Publish to live, 10,000 articles ...');
      // The publisher's build worker builds everything once at this size, then publishes.
      await buildLive();
      recordPublishes('publishToLive10k', '10,000 articles', await publishToLive('10k'));
    }
  }
  results.fullBuild = builds;

  log('Newsletter to 10,000 confirmed subscribers ...');
  const newsletter = await benchNewsletterSend(10_000);
  results.newsletter = newsletter;
  rows.push(newsletterRow(newsletter));
} finally {
  publisher.queue.stop();
  await publisher.queue.idle();
  publisher.close();
  await siteServer.close();
  await cms.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\n${rows.map(([name, value]) => `${name.padEnd(width)}  ${value}`).join('\n')}\n`);
const resultsDir = path.join(repoRoot, 'bench', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${String(results.startedAt).replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
log(`Results written to ${path.relative(repoRoot, file)}`);
process.exit(0);

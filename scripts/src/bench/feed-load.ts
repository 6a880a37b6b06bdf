import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Latencies of one series of requests, in milliseconds. */
export interface Latency {
  median: number;
  p95: number;
}

/** What the home page did while feed readers were busy. */
export interface FeedLoadResult {
  /** The feed the clients fetched (the largest), and its size uncompressed. */
  feed: string;
  feedBytes: number;
  clients: number;
  /** The home page on its own, then while the clients fetch the feed. */
  idle: Latency;
  loaded: Latency;
  /** Feed requests the clients completed while the home page was measured, per second. */
  feedRequestsPerSecond: number;
}

/** The largest RSS feed of a built site, as a path of the site. */
export function largestFeed(liveDir: string): { path: string; bytes: number } {
  const feeds = (fs.readdirSync(liveDir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('rss.xml'))
    .map((file) => ({ path: `/${file}`, bytes: fs.statSync(path.join(liveDir, file)).size }));
  const largest = feeds.sort((a, b) => b.bytes - a.bytes)[0];
  if (!largest) throw new Error(`No feed in ${liveDir}`);
  return largest;
}

/** Time for one whole answer (headers and body), in milliseconds. */
function timedGet(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'Accept-Encoding': 'br, gzip' } }, (response) => {
        response.resume();
        response.on('end', () => resolve(performance.now() - started));
      })
      .on('error', reject);
  });
}

async function series(url: string, count: number): Promise<Latency> {
  const times: number[] = [];
  for (let n = 0; n < count; n += 1) times.push(await timedGet(url));
  const sorted = [...times].sort((a, b) => a - b);
  return { median: median(times), p95: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? Number.NaN };
}

/**
 * The home page's latency (100 requests one after another) on its own, and again while `clients`
 * feed readers in another process fetch the site's largest feed without pause. With compression
 * done at build time, serving a large feed only reads a file, so the home page should hardly
 * notice.
 */
export async function homeLatencyUnderFeedLoad(
  siteUrl: string,
  liveDir: string,
  clients = 30,
): Promise<FeedLoadResult> {
  const feed = largestFeed(liveDir);
  const home = `${siteUrl}/`;
  await series(home, 20); // warm up
  const idle = await series(home, 100);
  const load = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'feed-clients.ts'),
      `${siteUrl}${feed.path}`,
      String(clients),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  load.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<void>((resolve) => load.on('exit', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the clients get going
  const started = performance.now();
  const loaded = await series(home, 100);
  const seconds = (performance.now() - started) / 1000;
  load.kill('SIGTERM');
  await finished;
  const { requests } = JSON.parse(output || '{"requests":0}') as { requests: number };
  return {
    feed: feed.path,
    feedBytes: feed.bytes,
    clients,
    idle,
    loaded,
    // Counted over the ramp-up too: a lower bound is enough to show the clients were busy.
    feedRequestsPerSecond: requests / (seconds + 2),
  };
}

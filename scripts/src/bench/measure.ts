import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const reportRss = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.mjs');

/** Wall time, peak memory and output of one Node.js child process. */
export interface Measured {
  seconds: number;
  peakBytes: number;
  output: string;
}

/** Runs `node [--import tsx] <args>` and measures it; rejects when it fails. */
export function measureNode(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; tsx?: boolean },
): Promise<Measured> {
  const rssFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-rss-')), 'rss');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...(options.tsx ? ['--import', 'tsx'] : []), '--import', reportRss, ...args],
      {
        cwd: options.cwd,
        env: { ...process.env, ...options.env, BENCH_RSS_FILE: rssFile },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const peakBytes = Number(fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8') : 0);
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      if (code === 0) resolve({ seconds, peakBytes, output });
      else reject(new Error(`${args.join(' ')} failed (exit ${code}):\n${output.slice(-3000)}`));
    });
  });
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number) => sorted[index] ?? Number.NaN;
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

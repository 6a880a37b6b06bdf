import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const reportRss = path.join(path.dirname(fileURLToPath(import.meta.url)), 'report-rss.mjs');
/** How often the memory of the process tree is sampled. */
const SAMPLE_MS = 50;
const PAGE_BYTES = 4096;
const CLOCK_TICKS = 100;

/** Wall time, peak memory, CPU time and output of one Node.js child process and its children. */
export interface Measured {
  seconds: number;
  /**
   * Peak memory of the whole process tree: the highest sum of the resident memory of the process
   * and all its descendants (sampled every 50 ms), or the process's own peak if that is higher.
   */
  peakBytes: number;
  /** The process's own peak resident memory (getrusage maxRSS), without its children. */
  maxRssBytes: number;
  /** User and system CPU seconds of the process and its descendants. */
  cpuSeconds: number;
  output: string;
}

const read = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return ''; // The process (or thread) has ended meanwhile.
  }
};

/** The process and all its descendants, from the kernel's list of each thread's children. */
function processTree(root: number): number[] {
  const found: number[] = [];
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    found.push(pid);
    let threads: string[];
    try {
      threads = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue; // It has ended.
    }
    for (const thread of threads) {
      for (const child of read(`/proc/${pid}/task/${thread}/children`).split(' ')) {
        if (child.trim()) pending.push(Number(child));
      }
    }
  }
  return found;
}

/** Resident bytes and CPU seconds (user and system) of one process; zero when it has ended. */
function usageOf(pid: number): { bytes: number; cpuSeconds: number } {
  const statm = read(`/proc/${pid}/statm`).split(' ');
  const stat = read(`/proc/${pid}/stat`);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    bytes: Number(statm[1] ?? 0) * PAGE_BYTES || 0,
    // utime and stime are the 12th and 13th fields after the command.
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS || 0,
  };
}

/**
 * Samples the summed memory of a process tree until stopped. Also keeps the last CPU time seen
 * of each process, for children that end before the measured process can count them.
 */
function sampleTree(root: number) {
  let peakBytes = 0;
  const cpuByPid = new Map<number, number>();
  const sample = () => {
    let bytes = 0;
    for (const pid of processTree(root)) {
      const usage = usageOf(pid);
      bytes += usage.bytes;
      if (usage.cpuSeconds > 0) cpuByPid.set(pid, usage.cpuSeconds);
    }
    peakBytes = Math.max(peakBytes, bytes);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  sample();
  return {
    stop() {
      clearInterval(timer);
      const cpuSeconds = [...cpuByPid.values()].reduce((sum, seconds) => sum + seconds, 0);
      return { peakBytes, cpuSeconds };
    },
  };
}

/**
 * Runs `node [--import tsx] <args>` and measures it with every process it starts (the peak of
 * their summed memory, and their CPU time); rejects when it fails.
 */
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
    const sampler = child.pid ? sampleTree(child.pid) : undefined;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const sampled = sampler?.stop() ?? { peakBytes: 0, cpuSeconds: 0 };
      const report = (
        fs.existsSync(rssFile) ? JSON.parse(fs.readFileSync(rssFile, 'utf8')) : {}
      ) as { maxRssBytes?: number; cpuSeconds?: number };
      fs.rmSync(path.dirname(rssFile), { recursive: true, force: true });
      const maxRssBytes = report.maxRssBytes ?? 0;
      const measured = {
        seconds,
        peakBytes: Math.max(sampled.peakBytes, maxRssBytes),
        maxRssBytes,
        // The process counts the children it waited for; the samples also see those it did not.
        cpuSeconds: Math.max(report.cpuSeconds ?? 0, sampled.cpuSeconds),
        output,
      };
      if (code === 0) resolve(measured);
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

import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Debian's Chromium; no test tool may download a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the network and quiet in a container. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Makes sure Chromium is there: installs Debian's package when running as root, or stops with
 * one line saying what to install. Browser tests are never skipped silently.
 */
export function ensureChromium(): string {
  if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore' });
    if (fs.existsSync(CHROMIUM)) return CHROMIUM;
  }
  throw new Error(
    `Chromium is missing at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set CHROMIUM_PATH).`,
  );
}

/** A Chromium of its own that tools outside Playwright (Lighthouse) drive over a DevTools port. */
export interface DebuggableChromium {
  /** The DevTools port on 127.0.0.1. */
  port: number;
  /** Ends the browser and every process it started, and removes its profile. */
  close: () => Promise<void>;
}

/**
 * Starts Debian's Chromium with a DevTools port Chromium picks itself (no port race), a fresh
 * profile and no sync, in a process group of its own so that close() ends its helpers too.
 */
export async function launchDebuggableChromium(): Promise<DebuggableChromium> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-chromium-'));
  const child = spawn(
    ensureChromium(),
    [
      ...CHROMIUM_ARGS,
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  // Read stderr to its end: a full pipe would stall the browser.
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-8000)));

  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is gone already.
    }
  };
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM');
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000)),
      ]);
      if (!stopped) signalGroup('SIGKILL');
      await exited;
    }
    // Helpers (renderers, the zygote) may outlive the browser process for a moment.
    signalGroup('SIGKILL');
    fs.rmSync(profile, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no DevTools port after 30 s')), 30_000);
      child.stderr!.on('data', () => {
        const match = /DevTools listening on ws:\/\/[^\s/]+:(\d+)\//.exec(log);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`exited with ${code}`));
      });
      child.once('error', reject);
    });
    return { port, close };
  } catch (error) {
    await close();
    throw new Error(`Chromium did not start: ${(error as Error).message}\n${log}`, {
      cause: error,
    });
  }
}

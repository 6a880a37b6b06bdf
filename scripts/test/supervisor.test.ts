import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { Supervisor, type Service } from '../src/lib/supervisor';

/** A service whose process runs `code`; ready as soon as it runs. */
function service(name: string, code: string, starts: number[] = []): Service {
  return {
    name,
    readyMessage: `${name} is ready`,
    start: async () => {
      const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
      starts.push(child.pid ?? 0);
      return { child, ready: Promise.resolve() };
    },
  };
}
const forever = 'setInterval(() => undefined, 1000)';
const until = async (check: () => boolean, limitMs = 20_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > limitMs) throw new Error('not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

let supervisor: Supervisor | undefined;
afterEach(async () => {
  await supervisor?.stopAll();
});

describe('the supervisor of npm start', () => {
  it('starts a service that was killed again, with a log line, and leaves the others running', async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const siteStarts: number[] = [];
    supervisor = new Supervisor({
      log: (line) => lines.push(line),
      onGiveUp: (reason) => gaveUp.push(reason),
      backoffMs: () => 50,
    });
    await supervisor.startAll([service('cms', forever), service('site', forever, siteStarts)]);
    const cms = supervisor.pidOf('cms');
    const killed = supervisor.pidOf('site')!;

    process.kill(killed, 'SIGKILL');
    await until(
      () => siteStarts.length === 2 && lines.some((line) => line.startsWith('site runs again')),
    );
    expect(lines).toContain('site stopped unexpectedly (SIGKILL); starting it again in 0.05 s.');
    expect(supervisor.pidOf('site')).toBe(siteStarts[1]);
    expect(supervisor.pidOf('site')).not.toBe(killed);
    expect(supervisor.pidOf('cms')).toBe(cms);
    expect(gaveUp).toEqual([]);
  });

  it('starts a group at the same moment and the next step once all of it is ready', async () => {
    const events: string[] = [];
    let releaseA: () => void = () => undefined;
    const slow = (name: string, ready: Promise<void>): Service => ({
      name,
      readyMessage: `${name} is ready`,
      start: async () => {
        events.push(`start ${name}`);
        const child = spawn(process.execPath, ['-e', forever], { stdio: 'ignore' });
        return { child, ready: ready.then(() => void events.push(`ready ${name}`)) };
      },
    });
    supervisor = new Supervisor({ log: () => undefined, onGiveUp: () => undefined });
    const starting = supervisor.startAll([
      [
        slow('cms-a', new Promise<void>((resolve) => (releaseA = resolve))),
        slow('cms-b', Promise.resolve()),
      ],
      slow('publisher', Promise.resolve()),
    ]);
    await until(() => events.includes('ready cms-b'));
    // B is ready and A is not: both were started, the publisher waits for A.
    expect(events).toEqual(['start cms-a', 'start cms-b', 'ready cms-b']);
    releaseA();
    await starting;
    expect(events.slice(3)).toEqual(['ready cms-a', 'start publisher', 'ready publisher']);
  });

  it('gives up on a service that stops 5 times within a few minutes, once', async () => {
    const lines: string[] = [];
    const gaveUp: string[] = [];
    const starts: number[] = [];
    supervisor = new Supervisor({
      log: (line) => lines.push(line),
      onGiveUp: (reason) => gaveUp.push(reason),
      backoffMs: () => 20,
    });
    // Runs long enough to be ready, then fails with exit code 3.
    await supervisor.startAll([
      service('cms', forever),
      service('publisher', 'setTimeout(() => process.exit(3), 100)', starts),
    ]);
    await until(() => gaveUp.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(gaveUp).toEqual(['publisher stopped 5 times within 5 minutes (last: exit code 3).']);
    expect(starts).toHaveLength(5);
    expect(lines.filter((line) => line.includes('starting it again'))).toHaveLength(4);
  });

  it('rejects when a service cannot start at all, and starts nothing after it', async () => {
    supervisor = new Supervisor({ log: () => undefined, onGiveUp: () => undefined });
    const later: number[] = [];
    const broken: Service = {
      name: 'cms',
      readyMessage: '',
      start: async () => {
        const child = spawn(process.execPath, ['-e', 'process.exit(1)'], { stdio: 'ignore' });
        return {
          child,
          ready: new Promise((_resolve, reject) =>
            child.on('exit', () => reject(new Error('The process stopped before it answered.'))),
          ),
        };
      },
    };
    await expect(supervisor.startAll([broken, service('site', forever, later)])).rejects.toThrow(
      /stopped before it answered/,
    );
    expect(later).toEqual([]);
  });
});

/**
 * LOG_FORMAT: plain lines by default, one JSON object per line with LOG_FORMAT=json, and a clear
 * start error for anything else; checked in the module and in the servers that use it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger, formatLogLine, logFormat } from '../../site/scripts/http/log-format';
import { scriptsDir } from '../src/lib/paths';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-log-format-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('the log format', () => {
  it('is text by default, json when asked, and anything else is an error', () => {
    expect(logFormat({})).toBe('text');
    expect(logFormat({ LOG_FORMAT: '' })).toBe('text');
    expect(logFormat({ LOG_FORMAT: 'text' })).toBe('text');
    expect(logFormat({ LOG_FORMAT: ' JSON ' })).toBe('json');
    expect(() => logFormat({ LOG_FORMAT: 'xml' })).toThrow(
      'LOG_FORMAT must be "text" or "json"; got "xml".',
    );
  });

  it('writes one JSON object per line, a stack included, with the time, level and service', () => {
    const time = new Date('2026-11-03T13:05:00.000Z');
    const line = formatLogLine('json', {
      service: 'publisher',
      level: 'error',
      msg: 'Build failed.\n    at build (publisher.ts:1:1)',
      time,
    });
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-03T13:05:00.000Z',
      level: 'error',
      service: 'publisher',
      msg: 'Build failed.\n    at build (publisher.ts:1:1)',
    });
    expect(formatLogLine('text', { service: 'publisher', level: 'info', msg: 'Hallo' })).toBe(
      'Hallo',
    );
  });

  it('sends info to stdout and warnings and errors to stderr', () => {
    const out: string[] = [];
    const err: string[] = [];
    const log = createLogger('static-server', 'json', {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    log.info('one');
    log.warn('two');
    log.error('three');
    log.line('four');
    log.line('five', 'error');
    expect(out.map((line) => JSON.parse(line).msg)).toEqual(['one', 'four']);
    expect(err.map((line) => JSON.parse(line).level)).toEqual(['warn', 'error', 'error']);
    expect(JSON.parse(out[0]!)).toMatchObject({ service: 'static-server', level: 'info' });
    expect(Date.parse(JSON.parse(out[0]!).time)).not.toBeNaN();
  });
});

/** Runs a command-line service until its first stdout line, then stops it. */
function firstLine(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: scriptsDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const end = out.indexOf('\n');
      if (end >= 0) {
        child.kill('SIGTERM');
        resolve(out.slice(0, end));
      }
    });
    child.on('exit', (code) => reject(new Error(`${script} exited (${code}): ${stderr}`)));
  });
}

describe('the servers', () => {
  const common = { SITE_PORT: '0', PUBLISH_DIR: path.join(work, 'publish') };

  it('log JSON lines with LOG_FORMAT=json', async () => {
    const line = await firstLine('src/static-server-cli.ts', { ...common, LOG_FORMAT: 'json' });
    expect(JSON.parse(line)).toMatchObject({
      level: 'info',
      service: 'static-server',
      msg: expect.stringMatching(/^Serving .* on :0$/),
    });
    const plain = await firstLine('src/static-server-cli.ts', { ...common, LOG_FORMAT: '' });
    expect(plain).toMatch(/^Serving .* on :0$/);
  });

  it('say what is wrong in their configuration in JSON too, and stop', () => {
    const front = spawnSync(process.execPath, ['--import', 'tsx', 'src/static-front-cli.ts'], {
      cwd: scriptsDir,
      env: { ...process.env, LOG_FORMAT: 'json', PUBLISH_S3_BUCKET: '', S3_BUCKET: '' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(front.status).toBe(1);
    expect(JSON.parse(front.stderr.trim().split('\n').at(-1)!)).toMatchObject({
      level: 'error',
      service: 'static-front',
      msg: 'PUBLISH_S3_BUCKET is not set: the static front has no site bucket to serve.',
    });
    const publisher = spawnSync(process.execPath, ['--import', 'tsx', 'src/publisher-cli.ts'], {
      cwd: scriptsDir,
      env: {
        ...process.env,
        LOG_FORMAT: 'json',
        PUBLISHER_SECRET: 'x',
        SITE_BUILD_TOKEN: 'x',
        PUBLISH_KEEP: '0',
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(publisher.status).toBe(1);
    expect(JSON.parse(publisher.stderr.trim().split('\n').at(-1)!)).toMatchObject({
      level: 'error',
      service: 'publisher',
      msg: 'PUBLISH_KEEP must be a whole number of 1 or more; got "0".',
    });
  });

  it('do not start with an unknown LOG_FORMAT', () => {
    for (const script of ['src/static-server-cli.ts', 'src/publisher-cli.ts']) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
        cwd: scriptsDir,
        env: { ...process.env, ...common, LOG_FORMAT: 'pretty', PUBLISHER_SECRET: 'x' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.status, script).toBe(1);
      expect(result.stderr, script).toContain('LOG_FORMAT must be "text" or "json"; got "pretty".');
    }
  });
});

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../../cms/test/harness';
import { siteDir } from './built-site';

describe('a build without a CMS', () => {
  it('stops with a message naming the CMS URL and the cause, and writes no site', async () => {
    const port = await freePort();
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-site-fail-'));
    fs.rmSync(outDir, { recursive: true });
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], {
      cwd: siteDir,
      env: {
        ...process.env,
        CMS_URL: `http://127.0.0.1:${port}`,
        SITE_BUILD_TOKEN: 'x',
        SITE_OUT_DIR: outDir,
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      new RegExp(`Cannot reach the CMS at http://127\\.0\\.0\\.1:${port}/api/.*ECONNREFUSED`),
    );
    expect(fs.existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});

import { spawn, spawnSync } from 'node:child_process';
import { siteDir } from '../src/lib/paths';

/**
 * A site build from scratch, as `npm run build -w site` makes it, in a process of its own: from
 * the CMS at `cmsUrl` with its read-only `token`, into `outDir`, for the public `siteUrl`.
 */
export function buildSiteFromScratch(options: {
  cmsUrl: string;
  token: string;
  outDir: string;
  siteUrl: string;
}): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-cli.ts'], {
    cwd: siteDir,
    env: {
      ...process.env,
      CMS_URL: options.cmsUrl,
      SITE_BUILD_TOKEN: options.token,
      SITE_OUT_DIR: options.outDir,
      SITE_URL: options.siteUrl,
    },
    stdio: 'ignore',
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`The site build ended with exit code ${code}.`)),
    ),
  );
}

/**
 * Compiles the site's renderer in a process of its own (as the build worker would on its first
 * build), so tests that start build processes find it compiled and start quickly. Returns the
 * compiler's exit status and its error output.
 */
export function compileRendererAhead(): { status: number | null; stderr: string } {
  const compiled = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/compile-cli.ts'], {
    cwd: siteDir,
    env: { ...process.env, SITE_COMPILE_QUIET: '1', SITE_RECOMPILE: '0' },
    encoding: 'utf8',
    timeout: 600_000,
  });
  return { status: compiled.status, stderr: compiled.stderr };
}

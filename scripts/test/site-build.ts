import { spawn } from 'node:child_process';
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

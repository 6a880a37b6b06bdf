import path from 'node:path';
import { cmsDir, repoRoot } from './paths';
import { run } from './processes';

/** Runs a Strapi CLI command in the CMS folder (which reads cms/.env), with prefixed output. */
export function strapiCli(
  args: string[],
  prefix: string,
  env: Record<string, string> = {},
): Promise<void> {
  const cli = path.join(repoRoot, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
  return run(process.execPath, [cli, ...args], { cwd: cmsDir, prefix, env });
}

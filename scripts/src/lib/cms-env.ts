import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { cmsDir } from './paths';

const secret = () => randomBytes(32).toString('base64');

/** Values generated for a fresh demo install: every secret random, nothing shared. */
function generatedValues(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret(), secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

/**
 * Fills the template (cms/.env.example) with `values`: each `KEY=` line whose key has a value
 * gets it; comments and other lines stay, so the file documents itself.
 */
export function fillEnvTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/^([A-Z][A-Z0-9_]*)=.*$/gm, (line, key: string) =>
    key in values ? `${key}=${values[key]}` : line,
  );
}

/**
 * Writes cms/.env with random secrets when it does not exist (demo mode). An existing file is
 * never touched. Returns true when it wrote one.
 */
export async function ensureCmsEnv(): Promise<boolean> {
  const envFile = path.join(cmsDir, '.env');
  try {
    await fs.access(envFile);
    return false;
  } catch {
    // Missing: create it below.
  }
  const template = await fs.readFile(path.join(cmsDir, '.env.example'), 'utf8');
  const header =
    '# Written by `npm start` for this machine, with random secrets. Keep it out of git.\n';
  await fs.writeFile(envFile, header + fillEnvTemplate(template, generatedValues()), {
    mode: 0o600,
  });
  return true;
}

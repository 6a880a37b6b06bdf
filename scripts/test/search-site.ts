/**
 * Searches a served site the way its search page does: loads /pagefind/pagefind.js from the
 * site over HTTP and asks it, so every index file it needs (the entry, the meta, index chunks,
 * fragments) is fetched from the server as a browser would. Runs in a Node process of its own
 * (Pagefind's script keeps module state, and vitest would transform it).
 */
import { execFile } from 'node:child_process';

const SEARCH = `
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
const [siteUrl, term] = process.argv.slice(1);
const script = await fetch(siteUrl + '/pagefind/pagefind.js');
if (!script.ok) throw new Error('pagefind.js: HTTP ' + script.status);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-search-'));
const file = path.join(dir, 'pagefind.js');
fs.writeFileSync(file, await script.text());
try {
  const pagefind = await import(pathToFileURL(file).href);
  await pagefind.options({ basePath: siteUrl + '/pagefind/', baseUrl: '/' });
  const { results } = await pagefind.search(term);
  const found = [];
  for (const result of results) found.push((await result.data()).url);
  console.log(JSON.stringify(found));
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
`;

/**
 * The addresses (e.g. `/nieuws/koffie/`) the site's search finds for `term`, best first. Throws
 * when the index cannot be loaded or a result's fragment is missing.
 */
export function searchSite(siteUrl: string, term: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', SEARCH, siteUrl, term],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`The search failed: ${stderr || error.message}`));
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '[]') as string[]);
      },
    );
  });
}

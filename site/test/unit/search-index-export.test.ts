/**
 * A build that goes live with the last build's search index (exportSite's `search: 'defer'`):
 * what linkSearchIndex gives it, and when it refuses (the build then writes its own index).
 * With Pagefind itself: prepareSearchIndex writes the next index beside the live one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { Precompressor } from '../../scripts/precompress';
import {
  linkSearchIndex,
  partGlob,
  prepareSearchIndex,
  writeSearchIndex,
} from '../../scripts/search-index';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-search-export-'));
afterAll(async () => {
  await pagefind.close();
  fs.rmSync(work, { recursive: true, force: true });
});

function write(dir: string, files: Record<string, string>): void {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
}

const filesOf = (dir: string) =>
  (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();

const INDEX = {
  'pagefind/pagefind.js': `export {};${'//'.repeat(200)}`,
  'pagefind/pagefind.js.br': 'br',
  'pagefind/pagefind.js.gz': 'gz',
  'pagefind/pagefind-entry.json': '{"languages":{"nl":{"hash":"nl_1"}}}',
  'pagefind/pagefind.nl_1.pf_meta': 'meta',
  'pagefind/fragment/nl_a.pf_fragment': 'a',
};

describe('the last build’s search index for a new build', () => {
  it('is linked, file by file with its compressed variants, so nothing is copied', async () => {
    const last = path.join(work, 'last');
    const next = path.join(work, 'next');
    write(last, INDEX);
    fs.mkdirSync(next);
    const compressor = new Precompressor(next, last);
    expect(await linkSearchIndex(last, next, compressor)).toBe(true);
    expect(filesOf(next)).toEqual(Object.keys(INDEX).sort());
    for (const file of Object.keys(INDEX))
      expect(fs.statSync(path.join(next, file)).ino, file).toBe(
        fs.statSync(path.join(last, file)).ino,
      );
    // Its variants came with it: the build compresses nothing of the index again.
    expect(compressor.counts.linked).toBe(1);
    await compressor.finish();
    expect(filesOf(next)).toEqual(Object.keys(INDEX).sort());
    expect(fs.statSync(path.join(next, 'pagefind/pagefind.js.br')).ino).toBe(
      fs.statSync(path.join(last, 'pagefind/pagefind.js.br')).ino,
    );
  });

  it('is refused when the last build has no entry: the build writes its own', async () => {
    const last = path.join(work, 'no-entry');
    const next = path.join(work, 'no-entry-next');
    const { ['pagefind/pagefind-entry.json']: _entry, ...withoutEntry } = INDEX;
    write(last, withoutEntry);
    fs.mkdirSync(next);
    expect(await linkSearchIndex(last, next, new Precompressor(next, last))).toBe(false);
    expect(fs.existsSync(path.join(next, 'pagefind'))).toBe(false);
    expect(await linkSearchIndex(path.join(work, 'gone'), next, new Precompressor(next))).toBe(
      false,
    );
  });

  it('leaves nothing half linked when it cannot link a file', async () => {
    const last = path.join(work, 'clash');
    const next = path.join(work, 'clash-next');
    write(last, INDEX);
    // A file of that name is there already: linking fails, and the folder goes.
    write(next, { 'pagefind/pagefind.nl_1.pf_meta': 'in the way' });
    expect(await linkSearchIndex(last, next, new Precompressor(next, last))).toBe(false);
    expect(fs.existsSync(path.join(next, 'pagefind'))).toBe(false);
  });
});

describe('the next search index of a live build', () => {
  it('is written beside the live one, with variants linked where its scripts are unchanged', async () => {
    const release = path.join(work, 'release');
    const page = (title: string) =>
      `<!doctype html><html lang="nl"><head><title>${title}</title></head>` +
      `<body><main data-pagefind-body><h1>${title}</h1><p>${title} in de wijk.</p></main></body></html>`;
    write(release, {
      'nieuws/koffie/index.html': page('Koffieochtend'),
      'nieuws/wandelen/index.html': page('Wandelgroep'),
    });
    // The live index: the one Pagefind wrote for the first two pages, with variants.
    fs.mkdirSync(path.join(release, 'pagefind'));
    const first = await prepareSearchIndex(release);
    expect(first.pages).toBe(2);
    fs.rmSync(path.join(release, 'pagefind'), { recursive: true });
    fs.renameSync(path.join(release, '.pagefind-next'), path.join(release, 'pagefind'));

    write(release, { 'nieuws/bingo/index.html': page('Bingomiddag') });
    const second = await prepareSearchIndex(release);
    expect(second.pages).toBe(3);
    expect(second.seconds).toBeGreaterThan(0);
    const next = path.join(release, '.pagefind-next');
    const entry = JSON.parse(fs.readFileSync(path.join(next, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.nl.page_count).toBe(3);
    // The live index is untouched.
    expect(
      JSON.parse(fs.readFileSync(path.join(release, 'pagefind', 'pagefind-entry.json'), 'utf8'))
        .languages.nl.page_count,
    ).toBe(2);
    // Pagefind's script is the same: its variants are the live index's files, not new ones.
    expect(fs.statSync(path.join(next, 'pagefind.js.br')).ino).toBe(
      fs.statSync(path.join(release, 'pagefind', 'pagefind.js.br')).ino,
    );
  });
});

describe('a search index in parts', () => {
  const page = (title: string, marked = true) =>
    `<!doctype html><html lang="nl"><head><title>${title}</title></head>` +
    `<body><main${marked ? ' data-pagefind-body' : ''}><h1>${title}</h1><p>${title} in de wijk.</p></main></body></html>`;

  it('is one index with an empty list of parts up to the part size', async () => {
    const site = path.join(work, 'one-part');
    write(site, { 'nieuws/a/index.html': page('Koffie'), 'nieuws/b/index.html': page('Bingo') });
    expect(await writeSearchIndex(site, path.join(site, 'pagefind'), 2)).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(site, 'pagefind', 'delen.json'), 'utf8'))).toEqual(
      [],
    );
    expect(fs.existsSync(path.join(site, 'pagefind', 'deel-2'))).toBe(false);
  });

  it('holds every marked page once, in parts of at most the part size, listed for the search page', async () => {
    const site = path.join(work, 'parts');
    const pages: Record<string, string> = {
      // Pages without the mark (lists, the search page) are never in the index.
      'nieuws/index.html': page('Alle berichten', false),
      'zoeken/index.html': page('Zoeken', false),
      'over-ons/index.html': page('Over ons'),
    };
    for (let n = 0; n < 5; n += 1) pages[`nieuws/bericht-${n}/index.html`] = page(`Bericht ${n}`);
    for (let n = 0; n < 3; n += 1)
      pages[`agenda/activiteit-${n}/index.html`] = page(`Activiteit ${n}`);
    write(site, pages);

    const searchDir = path.join(site, 'pagefind');
    expect(await writeSearchIndex(site, searchDir, 3)).toBe(9);

    const parts = JSON.parse(fs.readFileSync(path.join(searchDir, 'delen.json'), 'utf8'));
    expect(parts).toEqual(['deel-2/', 'deel-3/']);
    const counts = ['', ...parts].map((part: string) => {
      const entry = JSON.parse(
        fs.readFileSync(path.join(searchDir, part, 'pagefind-entry.json'), 'utf8'),
      );
      expect(fs.existsSync(path.join(searchDir, part, 'pagefind.js')), part).toBe(true);
      return entry.languages.nl.page_count as number;
    });
    expect(counts).toEqual([3, 3, 3]);
    // Every fragment names its page by the page's own URL, and each page is in one part only.
    const urls = (fs.readdirSync(searchDir, { recursive: true }) as string[]).filter((file) =>
      file.endsWith('.pf_fragment'),
    );
    expect(urls).toHaveLength(9);
  });

  it('picks each part by a glob of prefixes, also where one name starts another or holds glob characters', async () => {
    const site = path.join(work, 'tricky-parts');
    const names = ['bericht-1', 'bericht-10', 'bericht-11', 'bericht-2', 'a(b)', 'x,y', 'x{z}*'];
    const pages: Record<string, string> = { 'nieuws/pagina/index.html': page('Lijst', false) };
    for (const name of names) pages[`nieuws/${name}/index.html`] = page(`Bericht ${name}`);
    write(site, pages);
    const searchDir = path.join(site, 'pagefind');
    // Parts of about equal size: 7 pages in parts of at most 2 make 4 parts of 2, 2, 2 and 1.
    expect(await writeSearchIndex(site, searchDir, 2)).toBe(names.length);
    const parts = ['', 'deel-2/', 'deel-3/', 'deel-4/'];
    const counts = parts.map(
      (part) =>
        JSON.parse(fs.readFileSync(path.join(searchDir, part, 'pagefind-entry.json'), 'utf8'))
          .languages.nl.page_count,
    );
    expect(counts).toEqual([2, 2, 2, 1]);
  });

  it('covers whole prefixes with one pattern', () => {
    const all = ['nieuws/a1', 'nieuws/a2', 'nieuws/b', 'nieuws/ab', 'over-ons', 'zoeken'].map(
      (folder) => `${folder}/index.html`,
    );
    expect(partGlob(['nieuws/a1/index.html', 'nieuws/a2/index.html'], all)).toBe(
      '{nieuws/a1*,nieuws/a2*}/index.html',
    );
    expect(
      partGlob(['nieuws/a1/index.html', 'nieuws/a2/index.html', 'nieuws/ab/index.html'], all),
    ).toBe('{nieuws/a*}/index.html');
    // A character outside the BMP is never split into a pattern of half a character.
    const smileys = ['nieuws/\u{1F600}/index.html', 'nieuws/\u{1F601}/index.html'];
    expect(partGlob(smileys, [...smileys, 'nieuws/a/index.html'])).toBe(
      '{nieuws/\u{1F600}*,nieuws/\u{1F601}*}/index.html',
    );
    expect(partGlob(['nieuws/b/index.html', 'over-ons/index.html'], all)).toBe(
      '{o*,nieuws/b*}/index.html',
    );
  });
});

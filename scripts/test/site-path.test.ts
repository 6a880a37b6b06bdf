/**
 * Property-based tests of how the static server reads a request target and finds its file:
 * for any target at all, it never throws and never finds a file outside the live folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSitePath } from '../../site/scripts/http/site-path';
import { findSiteFile } from '../../site/scripts/http/static-files';

let outside: string;
let root: string;

beforeAll(() => {
  outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-paths-')));
  root = path.join(outside, 'live');
  for (const file of ['index.html', 'nieuws/index.html', '_astro/app.css', '404.html']) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), file);
  }
  fs.writeFileSync(path.join(outside, 'geheim.txt'), 'geheim');
  // Links that lead out of the site: found nowhere.
  fs.symlinkSync(outside, path.join(root, 'naar-buiten'));
  fs.symlinkSync(path.join(outside, 'geheim.txt'), path.join(root, 'geheim.txt'));
});
afterAll(() => fs.rmSync(outside, { recursive: true, force: true }));

/** Pieces that path tricks are made of, to be joined in any order. */
const piece = fc.constantFrom(
  '',
  '.',
  '..',
  '%2e',
  '%2E%2e',
  '%2f',
  '%5c',
  '\\',
  '%00',
  '%c0%ae',
  '%',
  '%zz',
  '?',
  '#',
  'index.html',
  'nieuws',
  '_astro',
  '%5Fastro',
  'app.css',
  'naar-buiten',
  'geheim.txt',
  'a'.repeat(256),
  '%e2%80%ae',
  '\u00ff',
);
const trickyTarget = fc
  .tuple(fc.constantFrom('/', '//', '', '*', 'http://x/'), fc.array(piece, { maxLength: 8 }))
  .map(([start, pieces]) => `${start}${pieces.join('/')}`);
const anyTarget = fc.oneof(
  trickyTarget,
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }).map((text) => `/${text}`),
  fc.webPath().map((webPath) => `/${webPath.replace(/^\//, '')}`),
);

describe('reading a request target', () => {
  it('never throws, and what it accepts has only plain names', () => {
    fc.assert(
      fc.property(anyTarget, (target) => {
        const parsed = parseSitePath(target);
        if (!parsed.ok) {
          expect(parsed.status).toBe(400);
          return;
        }
        for (const segment of parsed.segments) {
          expect(segment).not.toMatch(/^\.\.?$/);
          expect(segment).not.toMatch(/[/\\\0]/);
          expect(segment.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('finds no file outside the live folder, and never throws, whatever the target', async () => {
    await fc.assert(
      fc.asyncProperty(anyTarget, async (target) => {
        const parsed = parseSitePath(target);
        if (!parsed.ok) return;
        const found = await findSiteFile(root, parsed);
        if (!found) return;
        if ('redirect' in found) {
          expect(found.redirect).toMatch(/^\/(?![/\\])/);
          return;
        }
        expect(found.file.startsWith(`${root}${path.sep}`)).toBe(true);
        expect(fs.readFileSync(found.file, 'utf8')).not.toBe('geheim');
      }),
      { numRuns: 3000 },
    );
  });

  it('still finds the real pages', async () => {
    const find = async (target: string) => {
      const parsed = parseSitePath(target);
      return parsed.ok ? findSiteFile(root, parsed) : null;
    };
    expect(await find('/')).toMatchObject({ relative: 'index.html' });
    expect(await find('/nieuws/?pagina=2')).toMatchObject({ relative: 'nieuws/index.html' });
    expect(await find('/%5Fastro/app.css')).toMatchObject({ relative: '_astro/app.css' });
    expect(await find('/nieuws')).toEqual({ redirect: '/nieuws/' });
    expect(await find('/naar-buiten/geheim.txt')).toBeNull();
    expect(await find('/geheim.txt')).toBeNull();
  });
});

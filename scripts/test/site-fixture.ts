import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** A home page large enough to be worth compressing. */
export const HOME = `<!doctype html><title>Home</title>${'<p>Samen tegen eenzaamheid.</p>'.repeat(100)}`;

/** Writes `content` to `file` inside `dir`, making its folders. */
export function writeSiteFile(dir: string, file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), content);
}

/**
 * A small built site written by hand, as the static server and the static front serve it: a
 * page with the variants the exporter writes (recognisably different from what compressing
 * HOME gives, so a test sees which one was sent), the 404 page, a folder page, a feed, a
 * calendar, two hashed assets, and an agenda made to be framed by other sites (with variants).
 */
export function writeSiteFixture(dir: string): void {
  writeSiteFile(dir, 'index.html', HOME);
  writeSiteFile(dir, 'index.html.br', zlib.brotliCompressSync(`${HOME}<!-- br -->`));
  writeSiteFile(dir, 'index.html.gz', zlib.gzipSync(`${HOME}<!-- gz -->`));
  writeSiteFile(dir, '404.html', '<!doctype html><title>Niet gevonden</title>');
  writeSiteFile(dir, 'nieuws/index.html', '<!doctype html><title>Nieuws</title>');
  writeSiteFile(dir, 'rss.xml', '<rss></rss>');
  writeSiteFile(dir, 'agenda.ics', 'BEGIN:VCALENDAR');
  writeSiteFile(dir, '_astro/app.abc123.css', 'body{}');
  writeSiteFile(dir, '_astro/photo.avif', 'AVIF');
  writeSiteFile(dir, EMBED_FILE, EMBED);
  writeSiteFile(dir, `${EMBED_FILE}.br`, zlib.brotliCompressSync(EMBED));
  writeSiteFile(dir, `${EMBED_FILE}.gz`, zlib.gzipSync(EMBED));
}

/** An agenda to embed, which any site may show in a frame (see mayBeFramedByAnySite). */
export const EMBED_FILE = 'insluiten/agenda/centrum/index.html';
const EMBED = '<!doctype html><html lang="nl"><title>Activiteiten in Centrum</title></html>';

/**
 * Compressed variants of the site's text files, made once when a build writes them: `x.br`
 * (brotli) and `x.gz` (gzip) next to `x`. The servers only choose a variant by the browser's
 * Accept-Encoding; nothing is compressed per request.
 */
import fsSync from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import zlib from 'node:zlib';
import { isPrecompressed } from './http/http-headers';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The variants, by file name suffix. */
export const VARIANT_SUFFIXES = ['.br', '.gz'] as const;

/**
 * Brotli quality 6 and gzip level 6: measured on a 65 KB text on this machine, quality 6 takes
 * 6 ms and is within 1% of quality 9 (180 ms), and 11 (maximum, 235 ms) saves only 11% more.
 * Builds compress every page they render, so the fast setting keeps publishing quick.
 */
const brotliOptions = (bytes: number) => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 6,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes,
  },
});
const GZIP_OPTIONS = { level: 6 };
/** Smaller files gain nothing worth a second request path and a file. */
const MIN_BYTES = 256;
/** Compressions in flight: Node runs them on its four libuv threads. */
const IN_FLIGHT = 4;
/** Pages handed to the writer thread in one message, and at most waiting for it. */
const WRITE_BATCH = 32;
const WRITES_WAITING = 1024;

/**
 * The writer thread (see Precompressor.write): makes a page's folder, writes the page and its
 * variants, all synchronously. The same encoders and settings as writeVariants, so the same
 * bytes. Measured at 10,000 articles, the main thread spent more time on its share of
 * compressing and writing through promises and zlib's streams (opening and closing files,
 * handing chunks to libuv's threads and back) than on rendering; here it only renders.
 */
const WRITER = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { outDir, minBytes, brotliParams, gzipOptions, suffixes } = workerData;
const made = new Set();
function removeIfThere(name) {
  try {
    fs.unlinkSync(name);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
  }
}
parentPort.on('message', (batch) => {
  try {
    let compressed = 0;
    for (const { file, body, compress, replace } of batch) {
      const target = path.join(outDir, file);
      const folder = path.dirname(target);
      if (!made.has(folder)) {
        fs.mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      if (replace) for (const name of [target, ...suffixes.map((suffix) => target + suffix)]) removeIfThere(name);
      fs.writeFileSync(target, body);
      if (!compress) continue;
      compressed += 1;
      if (body.byteLength < minBytes) continue;
      const params = { ...brotliParams, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength };
      const br = zlib.brotliCompressSync(body, { params });
      if (br.byteLength < body.byteLength) fs.writeFileSync(target + '.br', br);
      const gz = zlib.gzipSync(body, gzipOptions);
      if (gz.byteLength < body.byteLength) fs.writeFileSync(target + '.gz', gz);
    }
    parentPort.postMessage({ written: batch.length, compressed });
  } catch (error) {
    parentPort.postMessage({ error: error.message });
  }
});
`;

/** A page for the writer thread. */
interface PageWrite {
  file: string;
  body: Uint8Array;
  compress: boolean;
  replace: boolean;
}

/** Writes the variants of one file's content that are smaller than the content itself. */
async function writeVariants(file: string, body: Uint8Array): Promise<void> {
  if (body.byteLength < MIN_BYTES) return;
  const [br, gz] = await Promise.all([
    brotli(body, brotliOptions(body.byteLength)),
    gzip(body, GZIP_OPTIONS),
  ]);
  if (br.byteLength < body.byteLength) await fs.writeFile(`${file}.br`, br);
  if (gz.byteLength < body.byteLength) await fs.writeFile(`${file}.gz`, gz);
}

/** Links the variants of a file that is unchanged since the last build; false if there are none. */
function linkVariants(fromFile: string, toFile: string): boolean {
  let linked = false;
  for (const suffix of VARIANT_SUFFIXES) {
    try {
      fsSync.linkSync(`${fromFile}${suffix}`, `${toFile}${suffix}`);
      linked = true;
    } catch {
      // Not made for this file (too small, or no smaller): nothing to link.
    }
  }
  return linked;
}

/** Whether two files hold the same bytes (the same inode, or equal content). */
async function sameContent(a: string, b: string): Promise<boolean> {
  const [statA, statB] = await Promise.all([fs.stat(a), fs.stat(b).catch(() => null)]);
  if (!statB || statA.size !== statB.size) return false;
  if (statA.ino === statB.ino && statA.dev === statB.dev) return true;
  const [bytesA, bytesB] = await Promise.all([fs.readFile(a), fs.readFile(b)]);
  return bytesA.equals(bytesB);
}

/**
 * The compressed variants of one build. Pages are handed over as they are rendered and compressed
 * on Node's worker threads while rendering goes on; pages taken unchanged from the last build
 * take its variants too. `finish` does the files written otherwise (scripts, styles, sitemap,
 * search index) the same way, and waits for all.
 */
export class Precompressor {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly done = new Set<string>();
  private failure: unknown;
  private writer?: { thread: Worker; batch: PageWrite[]; waiting: number; drained: () => void };
  /** How many files were compressed in this build, and how many took the last build's variants. */
  readonly counts = { compressed: 0, linked: 0 };

  /**
   * @param outDir the build's folder
   * @param lastOutDir the last good build's folder, whose variants unchanged files take
   */
  constructor(
    private readonly outDir: string,
    private readonly lastOutDir?: string,
  ) {}

  /** A file written with this content: compressed in the background (waits while 4 are busy). */
  async compress(relativeFile: string, body: Uint8Array): Promise<void> {
    if (!isPrecompressed(relativeFile)) return;
    this.done.add(relativeFile);
    while (this.inFlight.size >= IN_FLIGHT) await Promise.race(this.inFlight);
    const job = writeVariants(path.join(this.outDir, relativeFile), body).then(
      () => void (this.counts.compressed += 1),
      (error: unknown) => void (this.failure ??= error),
    );
    this.inFlight.add(job);
    void job.finally(() => this.inFlight.delete(job));
  }

  /**
   * A rendered page: written with its variants on a thread of its own (its folder made there
   * too), while the caller renders the next. `replace`: the folder holds another build's file
   * under this name (a spare release): its name and its variants' are removed first, never
   * written into. The body is handed over: the caller must not use it afterwards.
   */
  async write(relativeFile: string, body: Uint8Array, options: { replace: boolean }) {
    const compress = isPrecompressed(relativeFile);
    if (compress) this.done.add(relativeFile);
    const writer = (this.writer ??= this.startWriter());
    // Handed over whole: a view into a larger buffer is copied first.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    writer.batch.push({
      file: relativeFile,
      body: own ? body : body.slice(),
      compress,
      replace: options.replace,
    });
    writer.waiting += 1;
    if (writer.batch.length >= WRITE_BATCH) this.sendBatch();
    while (writer.waiting > WRITES_WAITING && !this.failure) {
      await new Promise<void>((resolve) => (writer.drained = resolve));
    }
    if (this.failure) throw this.failure;
  }

  private startWriter() {
    const thread = new Worker(WRITER, {
      eval: true,
      workerData: {
        outDir: this.outDir,
        minBytes: MIN_BYTES,
        brotliParams: brotliOptions(0).params,
        gzipOptions: GZIP_OPTIONS,
        suffixes: VARIANT_SUFFIXES,
      },
    });
    const writer = { thread, batch: [] as PageWrite[], waiting: 0, drained: () => undefined };
    thread.on('message', (answer: { written?: number; compressed?: number; error?: string }) => {
      if (answer.error) this.failure ??= new Error(`Writing the pages failed: ${answer.error}`);
      writer.waiting -= answer.written ?? 0;
      this.counts.compressed += answer.compressed ?? 0;
      writer.drained();
    });
    thread.on('error', (error) => {
      this.failure ??= error;
      writer.drained();
    });
    return writer;
  }

  private sendBatch(): void {
    const writer = this.writer;
    if (!writer || writer.batch.length === 0) return;
    const batch = writer.batch;
    writer.batch = [];
    // Handed over, not copied: each body is the only view of its own buffer.
    writer.thread.postMessage(
      batch,
      batch.map((page) => page.body.buffer as ArrayBuffer),
    );
  }

  /**
   * Waits until every page handed to write() is on disk (with its variants), and ends the
   * writer thread; throws if a write failed. Before anything reads the pages (the search index).
   */
  async pagesWritten(): Promise<void> {
    await this.stopWriter();
    if (this.failure) throw this.failure;
  }

  private async stopWriter(): Promise<void> {
    const writer = this.writer;
    if (!writer) return;
    this.sendBatch();
    while (writer.waiting > 0 && !this.failure) {
      await new Promise<void>((resolve) => (writer.drained = resolve));
    }
    this.writer = undefined;
    await writer.thread.terminate();
  }

  /** A file linked unchanged from the last build: its variants are linked as well. */
  reuse(relativeFile: string): void {
    if (!this.lastOutDir || !isPrecompressed(relativeFile)) return;
    const from = path.join(this.lastOutDir, relativeFile);
    if (linkVariants(from, path.join(this.outDir, relativeFile))) {
      this.done.add(relativeFile);
      this.counts.linked += 1;
    }
  }

  /**
   * A file that is in the build's folder already with its variants (a spare release starts
   * with them, see spare-release.ts): counted as linked, and left alone by finish().
   */
  kept(relativeFile: string): true {
    if (isPrecompressed(relativeFile)) {
      this.done.add(relativeFile);
      this.counts.linked += 1;
    }
    return true;
  }

  /**
   * Every other text file in the build: variants linked from the last build when the file is the
   * same there, else made now. Waits for all compressions; throws if one failed. `skipFolders`:
   * top-level folders that hold only files handed over already (not looked through: at 10,000
   * articles, reading 20,000 page folders took most of a second).
   */
  async finish(skipFolders: ReadonlySet<string> = new Set()): Promise<void> {
    await this.pagesWritten();
    const entries = [];
    for (const entry of await fs.readdir(this.outDir, { withFileTypes: true })) {
      if (!entry.isDirectory()) entries.push(entry);
      else if (!skipFolders.has(entry.name)) {
        const folder = path.join(this.outDir, entry.name);
        entries.push(...(await fs.readdir(folder, { recursive: true, withFileTypes: true })));
      }
    }
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const relative = path.relative(this.outDir, path.join(entry.parentPath, entry.name));
      if (this.done.has(relative) || !isPrecompressed(relative)) continue;
      const file = path.join(this.outDir, relative);
      const last = this.lastOutDir ? path.join(this.lastOutDir, relative) : undefined;
      if (last && (await sameContent(file, last)) && linkVariants(last, file)) {
        this.done.add(relative);
        this.counts.linked += 1;
        continue;
      }
      await this.compress(relative, await fs.readFile(file));
    }
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }
}

import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Renderer } from '../src/renderer/types';
import { withFolderLock } from './folder-lock';

export const siteDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const renderersDir = path.join(siteDir, '.renderer');
/** Held while a process compiles: the build worker and the preview server share the folder. */
const compileLock = path.join(renderersDir, '.compile-lock');
/** What the compiled site is made of: a change in any of these needs a new renderer. */
const SOURCES = [
  'src',
  'public',
  'astro.config.mjs',
  'package.json',
  '../package-lock.json',
  // The shared workspace's code and styles are compiled into the site too.
  '../shared/src',
  '../shared/styles',
  // How it is compiled.
  'scripts/renderer.ts',
  'scripts/astro-build.mjs',
];

/** The compiled site, loaded: makes a renderer for a public URL. */
export interface CompiledSite {
  dir: string;
  /** When it was compiled (its `.complete` file): a compile forced into the same folder differs. */
  compiledAt: string;
  /** Static files every build copies as they are (scripts, styles, favicon). */
  clientDir: string;
  createRenderer: (siteUrl: string) => Renderer;
}

async function hashSources(): Promise<string> {
  const hash = createHash('sha256');
  for (const source of SOURCES) {
    const root = path.join(siteDir, source);
    const stat = await fs.stat(root);
    const files = stat.isDirectory()
      ? (await fs.readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
          .sort()
      : [root];
    for (const file of files) {
      hash
        .update(path.relative(siteDir, file))
        .update('\0')
        .update(await fs.readFile(file));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

const exists = (file: string) =>
  fs.access(file).then(
    () => true,
    () => false,
  );

/** Runs Astro's build into `dir` in a process of its own (astro-build.mjs, without tsx). */
async function astroBuildApart(dir: string, quiet: boolean | undefined): Promise<void> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    RENDERER_DIR: dir,
    SITE_COMPILE_QUIET: quiet ? '1' : '0',
  };
  const child = spawn(
    process.execPath,
    [...BUILD_PROCESS_FLAGS, path.join(siteDir, 'scripts', 'astro-build.mjs')],
    { cwd: siteDir, env, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`Compiling the site failed (exit ${code}); see the log above.`);
}

/**
 * Compiles the site (Astro and Vite) into .renderer/<hash of the sources>/, unless that is
 * done already: content changes never need it, only code changes. Renderers of older code are
 * removed; a long-running exporter calls this before every build and so moves to the new one.
 * One process compiles at a time (a lock in .renderer/); one that waited finds the work done.
 * The compiling itself runs in a process of its own: its memory (Vite and Rollup, about 300
 * MB at 10,000 articles) is returned when it ends, and the caller can read the CMS meanwhile.
 */
export async function compileRenderer(
  options: { quiet?: boolean; force?: boolean } = {},
): Promise<string> {
  const dir = path.join(renderersDir, await hashSources());
  const done = path.join(dir, '.complete');
  if (!options.force && (await exists(done))) return dir;
  await fs.mkdir(renderersDir, { recursive: true });
  return withFolderLock(compileLock, async () => {
    if (!options.force && (await exists(done))) return dir;
    await fs.rm(dir, { recursive: true, force: true });
    await astroBuildApart(dir, options.quiet);
    await fs.writeFile(done, new Date().toISOString());
    for (const other of await fs.readdir(renderersDir)) {
      // Not the lock (it starts with a dot) and not the renderer just made.
      if (other.startsWith('.') || path.join(renderersDir, other) === dir) continue;
      await fs.rm(path.join(renderersDir, other), { recursive: true, force: true });
    }
    return dir;
  });
}

/**
 * Node.js options for the build's own processes (the compile and the export). V8 grows a busy
 * process's heap by a factor it picks from how fast it collects, often near double: rendering
 * 20,000 pages makes much short-lived garbage, and at 10,000 articles the export's memory grew
 * to 770 MB while its live data stayed below 500 MB (it ran within a 500 MB heap). Growing by
 * 10% at a time, it stays near 620 MB, at no measured cost in render time. Unlike a ceiling
 * (`--max-old-space-size`), this can never make a larger site's build fail.
 */
export const BUILD_PROCESS_FLAGS = ['--heap-growing-percent=10'];

/**
 * The export's own, besides BUILD_PROCESS_FLAGS: a young generation of 32 MB per half instead
 * of V8's 16. Rendering a page makes much garbage that lives for one page; with the small
 * default, V8 collected so often that its collector took about as much time on the render
 * thread as Astro itself (a CPU profile at 10,000 articles), and the render took 16.5 to 19.0
 * s instead of 14.2 to 16.3 (measured in turn, two runs each). Not for the compile, whose
 * memory sets the build's peak.
 */
export const EXPORT_PROCESS_FLAGS = [...BUILD_PROCESS_FLAGS, '--max-semi-space-size=32'];

const compiledAtOf = (dir: string) => fs.readFile(path.join(dir, '.complete'), 'utf8');

/**
 * Loads a compiled site (see compileRenderer). Its entry is imported anew for every compile
 * (the compile's time in the URL): a compile forced into the same folder (SITE_RECOMPILE) may
 * give the lazily imported chunks other names, and a process that kept the old entry would ask
 * for chunks that are gone. Chunks are named by their content, so those it shares are reused.
 */
export async function loadCompiledSite(dir: string): Promise<CompiledSite> {
  const compiledAt = await compiledAtOf(dir);
  const url = pathToFileURL(path.join(dir, 'server', 'entry.mjs'));
  url.searchParams.set('compiled', compiledAt);
  const entry = (await import(url.href)) as { createRenderer: CompiledSite['createRenderer'] };
  return {
    dir,
    compiledAt,
    clientDir: path.join(dir, 'client'),
    createRenderer: entry.createRenderer,
  };
}

/** The compiled site of the current code, for a long-running process (see currentCompiledSite). */
export interface CurrentCompiledSite {
  /** Compiles when the code changed since the last call, and loads it once per compile. */
  (): Promise<CompiledSite>;
  /** The site loaded by the last call, if any: never compiles. */
  loaded: () => CompiledSite | undefined;
}

/**
 * The compiled site of the current code, for a long-running process (the build worker, the
 * preview server): compiled when the code changed since the last call, loaded once per compile
 * (also when another process compiled it again into the same folder).
 */
export function currentCompiledSite(): CurrentCompiledSite {
  let site: CompiledSite | undefined;
  const current = async () => {
    const dir = await compileRenderer({ quiet: true });
    if (site?.dir !== dir || site.compiledAt !== (await compiledAtOf(dir)))
      site = await loadCompiledSite(dir);
    return site;
  };
  return Object.assign(current, { loaded: () => site });
}

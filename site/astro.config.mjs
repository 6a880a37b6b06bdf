// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import exporterAdapter from './src/renderer/adapter.mjs';

const siteDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Compiles the site into a renderer (RENDERER_DIR, default .renderer/): the exporter
 * (scripts/export-site.ts) loads it once and renders every page into static files for each
 * publish, with that moment's content. Nothing here depends on the content, the CMS or the
 * public URL, so one compiled renderer serves every build until the code changes.
 */
export default defineConfig({
  outDir: process.env.RENDERER_DIR || path.join(siteDir, '.renderer'),
  output: 'server',
  adapter: exporterAdapter(),
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Media come from the CMS and are re-encoded for the site (see src/renderer/image-service.ts);
  // the browser never asks the CMS. The CMS's address is known per build, not at compile time:
  // the image service itself refuses images from anywhere else.
  image: {
    service: { entrypoint: './src/renderer/image-service.ts' },
    remotePatterns: [{ protocol: 'http' }, { protocol: 'https' }],
  },
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    // The shared workspace is CommonJS (the CMS requires it): let Node load it, not Vite's ESM runner.
    ssr: { external: ['@hub/shared'] },
    // Scripts as files, never inline: the site's Content-Security-Policy allows no inline script.
    build: { assetsInlineLimit: 0 },
  },
});

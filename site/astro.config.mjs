// @ts-check
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

const siteDir = path.dirname(fileURLToPath(import.meta.url));
const cmsUrl = new URL(process.env.CMS_URL || 'http://localhost:1337');

// The loaders run inside Vite's bundle, where paths relative to this file are lost: settle the
// default token location here, where they are not.
process.env.SITE_BUILD_TOKEN_FILE ||= path.resolve(
  siteDir,
  '..',
  'cms',
  '.tmp',
  'site-build-token',
);

export default defineConfig({
  site: process.env.SITE_URL || 'http://localhost:4321',
  outDir: process.env.SITE_OUT_DIR || './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Media come from the CMS at build time and are re-encoded here; the browser never asks the CMS.
  image: {
    remotePatterns: [
      {
        protocol: cmsUrl.protocol.replace(':', ''),
        hostname: cmsUrl.hostname,
        ...(cmsUrl.port ? { port: cmsUrl.port } : {}),
      },
    ],
  },
  integrations: [sitemap({ filter: (page) => !page.includes('/404') })],
  devToolbar: { enabled: false },
  prefetch: false,
  vite: {
    // The shared workspace is CommonJS (the CMS requires it): let Node load it, not Vite's ESM runner.
    ssr: { external: ['@hub/shared'] },
    // Scripts as files, never inline: the site's Content-Security-Policy allows no inline script.
    build: { assetsInlineLimit: 0 },
  },
});

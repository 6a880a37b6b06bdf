// @ts-check
import { fileURLToPath } from 'node:url';

/**
 * An Astro adapter whose "server" is our exporter: the site is compiled once (per code change)
 * into a renderer, and every publish renders the pages with the content of that moment,
 * without compiling again. See src/renderer/entry.ts and scripts/export-site.ts.
 * @returns {import('astro').AstroIntegration}
 */
export default function exporterAdapter() {
  return {
    name: 'hub-exporter',
    hooks: {
      'astro:config:done': ({ setAdapter }) => {
        setAdapter({
          name: 'hub-exporter',
          serverEntrypoint: fileURLToPath(new URL('./entry.ts', import.meta.url)),
          exports: ['createRenderer'],
          supportedAstroFeatures: {
            serverOutput: 'stable',
            staticOutput: 'stable',
            hybridOutput: 'stable',
            sharpImageService: 'stable',
          },
        });
      },
    },
  };
}

/**
 * `npm run build -w site`: builds the site from the CMS in CMS_URL into SITE_OUT_DIR (default
 * site/dist). With SITE_BUILD_STATS_FILE set, also writes the build's figures there as JSON;
 * with SITE_RECOMPILE=1, compiles the code even when it has not changed.
 */
import fs from 'node:fs';
import { buildSite } from './build-site';

buildSite({ recompile: process.env.SITE_RECOMPILE === '1' }).then(
  ({ outDir, stats }) => {
    const { seconds: s, images } = stats;
    console.log(
      `Site built in ${outDir}: ${stats.pages} pages, ${stats.files} files; ` +
        `images encoded ${images.encoded}, reused ${images.reused}; ` +
        `seconds: fetch ${s.fetch.toFixed(2)}, render ${s.render.toFixed(2)}, ` +
        `images ${s.images.toFixed(2)}, search ${s.search.toFixed(2)}`,
    );
    if (process.env.SITE_BUILD_STATS_FILE) {
      fs.writeFileSync(process.env.SITE_BUILD_STATS_FILE, JSON.stringify(stats));
    }
    // Astro's modules keep timers alive; the build is done.
    process.exit(0);
  },
  (error: unknown) => {
    console.error(
      `The site build failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

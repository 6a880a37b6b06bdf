/** `npm run build -w site`: builds the site from the CMS in CMS_URL into SITE_OUT_DIR (default site/dist). */
import { buildSite } from './build-site';

buildSite().then(
  (outDir) => console.log(`Site built in ${outDir}`),
  (error: unknown) => {
    console.error(
      `The site build failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  },
);

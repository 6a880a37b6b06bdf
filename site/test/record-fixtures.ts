/**
 * Re-records the CMS fixtures the mapper tests read: run a CMS with the demo content, then
 *   CMS_URL=http://localhost:1337 SITE_BUILD_TOKEN=... npx tsx site/test/record-fixtures.ts
 * Keeps the first three items of each collection, exactly as the REST API returns them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fetchCollection, fetchSingle } from '../src/loaders/cms-client';
import { COLLECTION_QUERIES, SITE_QUERY } from '../src/loaders/queries';

const connection = {
  url: process.env.CMS_URL ?? 'http://localhost:1337',
  token: process.env.SITE_BUILD_TOKEN ?? '',
};
const out = path.join(import.meta.dirname, 'fixtures');
for (const [name, query] of Object.entries(COLLECTION_QUERIES)) {
  const items = await fetchCollection(connection, query);
  fs.writeFileSync(
    path.join(out, `${name}.json`),
    `${JSON.stringify(items.slice(0, 3), null, 2)}\n`,
  );
}
fs.writeFileSync(
  path.join(out, 'site.json'),
  `${JSON.stringify(await fetchSingle(connection, SITE_QUERY), null, 2)}\n`,
);

import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { mapArticle, mapEvent, mapGoodPractice } from '../../src/loaders/mappers';

type Raw = Record<string, unknown>;

/** Recorded REST answers of the demo CMS (see test/record-fixtures.ts). */
const fixture = (name: string) =>
  JSON.parse(
    fs.readFileSync(path.join(import.meta.dirname, '..', 'fixtures', `${name}.json`), 'utf8'),
  );

describe('the mapped items', () => {
  it('share one hidden class per type, so the pages read their fields fast', () => {
    // Objects made by spreading (`{ ...common, body }`) got a hidden class each on Node 20 once
    // the code was warm: 35,000 of them at 16,000 items. %HaveSameMap tells; the flag only
    // allows the natives syntax in functions compiled after it.
    v8.setFlagsFromString('--allow-natives-syntax');
    const sameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (
      a: object,
      b: object,
    ) => boolean;
    const context = { cmsUrl: 'http://cms.test:1337' };
    const mappers = {
      articles: (raw: Raw) => mapArticle(raw, context),
      practices: (raw: Raw) => mapGoodPractice(raw, context),
      events: (raw: Raw) => mapEvent(raw, context),
    };
    for (const [name, map] of Object.entries(mappers)) {
      const raws = fixture(name) as Raw[];
      const items = Array.from({ length: 200 }, (_, index) =>
        map(structuredClone(raws[index % raws.length] ?? {})),
      );
      const [one] = items;
      expect(
        items.filter((item) => one && !sameShape(one, item)),
        name,
      ).toHaveLength(0);
    }
  });
});

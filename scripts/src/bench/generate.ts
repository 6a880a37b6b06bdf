import type { Core } from '@strapi/strapi';

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] });
const body = (n: number) => [
  paragraph(`Dit is testbericht ${n} voor de meting. Het staat niet op de echte site.`),
  { type: 'heading', level: 2, children: [{ type: 'text', text: 'Wat gebeurt er?' }] },
  paragraph('Buren drinken samen koffie. Zo leren ze elkaar kennen en voelt niemand zich alleen.'),
];

async function ids(strapi: Core.Strapi, uid: string, field = 'documentId'): Promise<string[]> {
  const rows = (await strapi.db.query(uid as never).findMany({ select: [field] })) as Record<
    string,
    string
  >[];
  return [...new Set(rows.map((row) => row[field] ?? ''))].filter(Boolean);
}

/**
 * Adds generated, published content for measurements, through the Document Service like any
 * editor's work: articles with a cover image, good practices and events, all valid.
 */
export async function addContent(
  strapi: Core.Strapi,
  counts: { articles?: number; practices?: number; events?: number },
  prefix: string,
): Promise<void> {
  const images = (
    (await strapi.db.query('plugin::upload.file').findMany({ select: ['id'] })) as { id: number }[]
  ).map((file) => file.id);
  const themes = await ids(strapi, 'api::theme.theme');
  const districts = await ids(strapi, 'api::district.district');
  const create = (uid: string, data: Record<string, unknown>) =>
    strapi.documents(uid as never).create({ data, status: 'published' } as never);
  for (let n = 0; n < (counts.articles ?? 0); n += 1) {
    await create('api::article.article', {
      title: `Meting ${prefix} bericht ${n}`,
      summary: `Testbericht ${n} voor de meting van de bouwtijd.`,
      body: body(n),
      date: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString().slice(0, 10),
      cover: images[n % images.length],
      themes: [themes[n % themes.length]],
      districts: [districts[n % districts.length]],
    });
  }
  for (let n = 0; n < (counts.practices ?? 0); n += 1) {
    await create('api::good-practice.good-practice', {
      title: `Meting ${prefix} voorbeeld ${n}`,
      summary: `Testvoorbeeld ${n} voor de meting.`,
      body: body(n),
      activityType: 'huisbezoek',
      evidenceLevel: 'goed beschreven',
      image: images[n % images.length],
      districts: [districts[n % districts.length]],
      themes: [themes[n % themes.length]],
    });
  }
  for (let n = 0; n < (counts.events ?? 0); n += 1) {
    const start = new Date(Date.now() + (n + 1) * 86_400_000);
    await create('api::event.event', {
      title: `Meting ${prefix} activiteit ${n}`,
      summary: `Testactiviteit ${n} voor de meting.`,
      body: body(n),
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 7_200_000).toISOString(),
      eventStatus: 'gepland',
      image: images[n % images.length],
      themes: [themes[n % themes.length]],
    });
  }
}

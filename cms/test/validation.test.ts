import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UID } from '@strapi/strapi';
import { CONTENT_RULES, accessibilityMessages, messages, type ContentTypeKey } from '@hub/shared';
import { bootTestCms, type TestCms } from './harness';
import { paragraph, uploadImage, validData } from './fixtures';
import { adminLogin, request, type StrapiErrorBody } from './http';

let cms: TestCms;
let valid: Record<string, Record<string, unknown>>;
const uidOf = (key: string) => `api::${key}.${key}` as UID.ContentType;
const ADMIN = { email: 'beheer@example.org', password: 'Testwachtwoord1' };

beforeAll(async () => {
  cms = await bootTestCms({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  valid = await validData(cms.strapi);
});
afterAll(async () => {
  await cms?.stop();
});

/** Runs a write and returns the Dutch messages it was rejected with (empty when accepted). */
async function rejection(write: () => Promise<unknown>): Promise<string[]> {
  try {
    await write();
    return [];
  } catch (error) {
    const details = (error as { name?: string; details?: { errors?: { message: string }[] } })
      .details;
    expect((error as Error).name).toBe('ValidationError');
    return details?.errors?.map((e) => e.message) ?? [(error as Error).message];
  }
}

const create = (key: string, data: Record<string, unknown>, status?: 'published') =>
  cms.strapi.documents(uidOf(key)).create({ data, ...(status ? { status } : {}) } as never);

describe('every content type', () => {
  it.each(Object.keys(CONTENT_RULES))('%s accepts valid data', async (key) => {
    const hasDrafts = cms.strapi.contentType(uidOf(key)).options?.draftAndPublish;
    const document = await create(key, valid[key]!, hasDrafts ? 'published' : undefined);
    expect(document.documentId).toBeTruthy();
  });

  it.each(Object.keys(CONTENT_RULES))(
    '%s names each missing required field in Dutch',
    async (key) => {
      const expected = CONTENT_RULES[key as ContentTypeKey].required.map((rule) =>
        messages.required(rule.label),
      );
      expect(await rejection(() => create(key, {}))).toEqual(expected);
    },
  );
});

describe('summary', () => {
  it.each(['article', 'good-practice', 'event', 'page'])(
    '%s rejects a summary over 300 characters',
    async (key) => {
      const data = { ...valid[key], title: `Lang ${key}`, summary: 'x'.repeat(301) };
      expect(await rejection(() => create(key, data))).toEqual([
        messages.summaryTooLong('Samenvatting', 301),
      ]);
    },
  );
});

describe('event period', () => {
  it('rejects an end before the start', async () => {
    const data = { ...valid.event, title: 'Verkeerd om', endsAt: '2030-09-26T07:59:00.000Z' };
    expect(await rejection(() => create('event', data))).toEqual([
      messages.endBeforeStart('Eindigt op', 'Begint op'),
    ]);
  });

  it('checks the whole event when only the start changes', async () => {
    const event = await create('event', { ...valid.event, title: 'Later beginnen' });
    const update = () =>
      cms.strapi.documents('api::event.event').update({
        documentId: event.documentId,
        data: { startsAt: '2030-09-27T08:00:00.000Z' },
      } as never);
    expect(await rejection(update)).toEqual([messages.endBeforeStart('Eindigt op', 'Begint op')]);
  });
});

describe('images need alternative text', () => {
  const imageFieldOf: Record<string, [string, string]> = {
    article: ['cover', 'Afbeelding bovenaan'],
    'good-practice': ['image', 'Afbeelding'],
    event: ['image', 'Afbeelding'],
    partner: ['logo', 'Logo'],
  };

  it.each(Object.keys(imageFieldOf))(
    '%s rejects an image without alt text and accepts one with',
    async (key) => {
      const [field, label] = imageFieldOf[key]!;
      const bare = await uploadImage(cms.strapi, null, `zonder-${key}.jpg`);
      const described = await uploadImage(cms.strapi, 'Een zaal vol mensen.', `met-${key}.jpg`);
      const base = {
        ...valid[key],
        ...(key === 'partner' ? { name: `Logo ${key}` } : { title: `Beeld ${key}` }),
      };
      expect(await rejection(() => create(key, { ...base, [field]: bare }))).toEqual([
        messages.missingAltText(label, `zonder-${key}.jpg`),
      ]);
      expect(await rejection(() => create(key, { ...base, [field]: { id: described } }))).toEqual(
        [],
      );
    },
  );

  it('blocks publishing when the alt text was removed after the draft was saved', async () => {
    const image = await uploadImage(cms.strapi, 'Mensen aan tafel.', 'later-leeg.jpg');
    const draft = await create('article', { ...valid.article, title: 'Eerst goed', cover: image });
    await cms.strapi
      .plugin('upload')
      .service('upload')
      .updateFileInfo(image, { alternativeText: '' });
    const publish = () =>
      cms.strapi
        .documents('api::article.article')
        .publish({ documentId: draft.documentId } as never);
    expect(await rejection(publish)).toEqual([
      messages.missingAltText('Afbeelding bovenaan', 'later-leeg.jpg'),
    ]);
  });
});

describe('accessibility at publication', () => {
  const publish = (documentId: string) => () =>
    cms.strapi.documents('api::article.article').publish({ documentId } as never);

  it('blocks publishing an image in the text without alt text, and not saving the draft', async () => {
    // As the admin's editor inserts it: the file as it was in the Media Library at that moment.
    const id = await uploadImage(cms.strapi, null, 'wandeling.jpg');
    const file = await cms.strapi.db.query('plugin::upload.file').findOne({ where: { id } });
    const body = [
      ...paragraph('Een foto van de wandeling.'),
      {
        type: 'image',
        image: JSON.parse(JSON.stringify(file)),
        children: [{ type: 'text', text: '' }],
      },
    ];
    const draft = await create('article', { ...valid.article, title: 'Foto zonder tekst', body });
    expect(draft.documentId).toBeTruthy();
    expect(await rejection(publish(draft.documentId))).toEqual([
      accessibilityMessages.imageWithoutAlt('Tekst', 'wandeling.jpg'),
    ]);
  });

  it('blocks publishing a heading that skips a level; a vague link text does not', async () => {
    const heading = (level: number, text: string) => ({
      type: 'heading',
      level,
      children: [{ type: 'text', text }],
    });
    const link = {
      type: 'paragraph',
      children: [
        { type: 'link', url: '/agenda/', children: [{ type: 'text', text: 'klik hier' }] },
      ],
    };
    const skipping = await create('article', {
      ...valid.article,
      title: 'Kop overgeslagen',
      body: [heading(2, 'Inleiding'), heading(4, 'Detail'), link],
    });
    expect(await rejection(publish(skipping.documentId))).toEqual([
      accessibilityMessages.headingSkipsLevel('Tekst', 'Detail', 4, 3),
    ]);
    const fine = await create('article', {
      ...valid.article,
      title: 'Koppen op volgorde',
      body: [heading(2, 'Inleiding'), heading(3, 'Detail'), link],
    });
    expect(await rejection(publish(fine.documentId))).toEqual([]);
  });
});

describe('slugs', () => {
  it('are generated from the title when empty, and made unique', async () => {
    const first = await create('article', { ...valid.article, title: 'Open dag in Wyck!' });
    const second = await create('article', { ...valid.article, title: 'Open dag in Wyck?' });
    expect(first.slug).toBe('open-dag-in-wyck');
    expect(second.slug).toBe('open-dag-in-wyck-2');
  });

  it('stay the same when the title changes, and an own slug is not a conflict', async () => {
    const article = await create('article', { ...valid.article, title: 'Oude titel' }, 'published');
    const updated = await cms.strapi.documents('api::article.article').update({
      documentId: article.documentId,
      data: { title: 'Nieuwe titel', slug: 'oude-titel' },
    } as never);
    expect(updated?.slug).toBe('oude-titel');
  });

  it('rejects a slug another document uses', async () => {
    await create('article', { ...valid.article, title: 'Eerste', slug: 'dubbel' });
    expect(
      await rejection(() =>
        create('article', { ...valid.article, title: 'Tweede', slug: 'dubbel' }),
      ),
    ).toEqual([messages.slugTaken('dubbel')]);
  });

  it('rejects a slug with capitals, spaces or accents', async () => {
    expect(
      await rejection(() => create('article', { ...valid.article, slug: 'Koffie Café' })),
    ).toEqual([messages.slugInvalid('Koffie Café')]);
  });

  it('rejects a title without letters or digits when no slug is given', async () => {
    expect(await rejection(() => create('article', { ...valid.article, title: '!!!' }))).toEqual([
      messages.slugUnderivable('Titel'),
    ]);
  });
});

describe('the rules hold outside the Document Service too', () => {
  it('the REST API answers 400 with the Dutch message', async () => {
    const { accessKey } = await cms.strapi
      .service('admin::api-token-content-api')
      .create({ name: 'Test schrijven', type: 'full-access', lifespan: null });
    const { status, body } = await request<StrapiErrorBody>(cms.url, '/api/articles', {
      method: 'POST',
      token: accessKey,
      body: { data: { ...valid.article, title: 'Via REST', summary: 'x'.repeat(400) } },
    });
    expect(status).toBe(400);
    expect(body.error?.message).toBe(messages.summaryTooLong('Samenvatting', 400));
    expect(body.error?.details?.errors?.[0]?.path).toEqual(['summary']);
  });

  it('the admin panel API answers 400 with the Dutch messages per field', async () => {
    const token = await adminLogin(cms.url, ADMIN.email, ADMIN.password);
    const { status, body } = await request<StrapiErrorBody>(
      cms.url,
      '/content-manager/collection-types/api::event.event',
      {
        method: 'POST',
        token,
        body: { ...valid.event, title: 'Via admin', endsAt: '2030-01-01T00:00:00.000Z' },
      },
    );
    expect(status).toBe(400);
    expect(body.error?.details?.errors).toEqual([
      expect.objectContaining({
        path: ['endsAt'],
        message: messages.endBeforeStart('Eindigt op', 'Begint op'),
      }),
    ]);
  });

  it('a valid admin save goes through', async () => {
    const token = await adminLogin(cms.url, ADMIN.email, ADMIN.password);
    const { status } = await request(
      cms.url,
      '/content-manager/collection-types/api::article.article',
      {
        method: 'POST',
        token,
        body: { ...valid.article, title: 'Via admin goed', body: paragraph('Tekst') },
      },
    );
    expect(status).toBe(201);
  });
});

describe('text that does not fit its column', () => {
  it('every one-line field is limited to what a PostgreSQL string column holds (255)', () => {
    const tooLong: string[] = [];
    const check = (
      owner: string,
      attributes: Record<string, { type?: string; maxLength?: number }>,
    ) => {
      for (const [name, attribute] of Object.entries(attributes)) {
        if (!['string', 'email', 'uid'].includes(attribute.type ?? '')) continue;
        // Without maxLength the database refuses the 256th character: a 500, not a clear message.
        if (!(attribute.maxLength !== undefined && attribute.maxLength <= 255))
          tooLong.push(`${owner}.${name}`);
      }
    };
    for (const [uid, contentType] of Object.entries(cms.strapi.contentTypes))
      if (uid.startsWith('api::')) check(uid, contentType.attributes as never);
    for (const [uid, component] of Object.entries(cms.strapi.components))
      check(uid, component.attributes as never);
    // Not ours: Strapi's own `locale`, and slugs, which our rules keep short and plain.
    expect(tooLong.filter((field) => !/\.(locale|slug)$/.test(field))).toEqual([]);
  });

  it('refuses a web address that is too long with a clear error', async () => {
    const messages = await rejection(() =>
      create('event', {
        ...valid.event,
        registrationUrl: `https://voorbeeld.nl/${'a'.repeat(300)}`,
      }),
    );
    expect(messages.join(' ')).toMatch(/255/);
  });
});

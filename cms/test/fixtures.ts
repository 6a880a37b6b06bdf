import type { Core, UID } from '@strapi/strapi';
import path from 'node:path';
import { appDir, type TestCms } from './harness';
import { adminLogin } from './http';
import { uploadImageFile } from '../src/hub/seed/upload-image';
import { EDITORIAL_ROLES } from '../src/hub/bootstrap/editorial-roles';

/** Rich text with one paragraph. */
export const paragraph = (text: string) => [
  { type: 'paragraph', children: [{ type: 'text', text }] },
];

/** Uploads one of the demo images through the upload service, with or without alt text. */
export function uploadImage(
  strapi: Core.Strapi,
  alternativeText: string | null,
  name = 'zaal.jpg',
): Promise<number> {
  return uploadImageFile(strapi, path.join(appDir, 'seed-images', 'meeting.jpg'), {
    name,
    alternativeText,
  });
}

/** The documentId of the first document of a taxonomy, to use in relations. */
export async function anyDocumentId(strapi: Core.Strapi, uid: UID.ContentType): Promise<string> {
  const row = await strapi.db.query(uid).findOne({ select: ['documentId'] });
  if (!row) throw new Error(`No ${uid} to relate to`);
  return row.documentId as string;
}

/** Valid data for each content type, with nothing optional left out that the rules check. */
export async function validData(
  strapi: Core.Strapi,
): Promise<Record<string, Record<string, unknown>>> {
  const district = await anyDocumentId(strapi, 'api::district.district');
  const theme = await anyDocumentId(strapi, 'api::theme.theme');
  return {
    article: {
      title: 'Koffie in de wijk',
      summary: 'Elke week koffie in het buurthuis.',
      body: paragraph('Welkom.'),
      themes: [theme],
      districts: [district],
    },
    'good-practice': {
      title: 'Samen eten in Malberg',
      summary: 'Een eettafel voor buren.',
      activityType: 'eettafel of sociaal restaurant',
      evidenceLevel: 'goed beschreven',
      districts: [district],
    },
    event: {
      title: 'Wandelen in het Jekerdal',
      summary: 'Samen een rondje lopen.',
      startsAt: '2030-09-26T08:00:00.000Z',
      endsAt: '2030-09-26T10:00:00.000Z',
      eventStatus: 'gepland',
      location: { venue: 'Bij de ingang', city: 'Maastricht', district },
    },
    partner: { name: 'Buurtnetwerk Test', category: 'buurtnetwerk', isKartrekker: false },
    action: { title: 'Kennis delen', progress: 'bezig', period: 'voorjaar 2031' },
    theme: { name: 'Testthema' },
    'target-group': { name: 'Testgroep' },
    district: { name: 'Teststadsdeel' },
    neighbourhood: { name: 'Testwijk', district },
    page: { title: 'Testpagina', body: paragraph('Tekst.') },
    site: {
      siteName: 'Samen tegen eenzaamheid',
      helplines: [{ name: 'De Luisterlijn', phone: '088 0767 000' }],
    },
  };
}

/** The password of every admin user the tests make. */
export const TEST_PASSWORD = 'Testwachtwoord1';

/**
 * An admin user with one of the editorial roles (Redacteur, Partner (auteur)), logged in through
 * the admin API as the admin panel does: their token.
 */
export async function loginWithRole(
  cms: TestCms,
  role: keyof typeof EDITORIAL_ROLES,
  email: string,
): Promise<string> {
  const found = (await cms.strapi
    .service('admin::role')
    .findOne({ code: EDITORIAL_ROLES[role].code })) as { id: number };
  await cms.strapi.service('admin::user').create({
    firstname: role,
    email,
    password: TEST_PASSWORD,
    isActive: true,
    roles: [found.id],
  });
  return adminLogin(cms.url, email, TEST_PASSWORD);
}

import { afterAll, beforeAll, expect, it } from 'vitest';
import { bootTestCms, type TestCms } from './harness';

const SITE_URL = 'https://hub.example.nl';
let cms: TestCms;

beforeAll(async () => {
  // No SMTP_HOST: nobody could ever confirm a sign-up.
  Reflect.deleteProperty(process.env, 'SMTP_HOST');
  cms = await bootTestCms({ SITE_URL, SUBMISSION_MIN_FILL_SECONDS: '0' });
}, 120_000);
afterAll(async () => {
  await cms?.stop();
});

it('closes sign-up without a mail server: says so in Dutch, with a 4xx, and stores nothing', async () => {
  const token = (await (await fetch(`${cms.url}/api/newsletter/token`)).json()) as {
    open: boolean;
    token?: string;
    message: string;
  };
  expect(token.open).toBe(false);
  expect(token.token).toBeUndefined();
  expect(token.message).toMatch(/Aanmelden voor de nieuwsbrief kan nu niet/);

  const { token: formToken } = (await (await fetch(`${cms.url}/api/submissions/token`)).json()) as {
    token: string;
  };
  const json = await fetch(`${cms.url}/api/newsletter/subscribe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ email: 'iemand@voorbeeld.nl', parts: ['nieuws'], formToken }),
  });
  expect(json.status).toBe(403);
  expect(JSON.stringify(await json.json())).toMatch(
    /we kunnen op dit moment geen e-mail versturen/,
  );

  const form = await fetch(`${cms.url}/api/newsletter/subscribe`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Accept: 'text/html',
      Origin: SITE_URL,
    },
    body: 'email=iemand%40voorbeeld.nl&parts=nieuws',
  });
  expect(form.status).toBe(403);
  const page = await form.text();
  expect(page).toMatch(/<html lang="nl">/);
  expect(page).toMatch(/Aanmelden voor de nieuwsbrief kan nu niet/);
  expect(
    await cms.strapi.db.query('api::newsletter-subscriber.newsletter-subscriber').count({}),
  ).toBe(0);
});

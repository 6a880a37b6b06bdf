/**
 * `npm run docs:screenshots`: takes the screenshots of the editors' guide (docs/handleiding/)
 * from the real admin panel in Debian's Chromium. Run it against a running demo (`npm start`
 * with ADMIN_EMAIL and ADMIN_PASSWORD set on its first start), with the same ADMIN_EMAIL and
 * ADMIN_PASSWORD, and CMS_URL when the CMS is not at http://localhost:1337. Send a form on the
 * site's /meld-een-goed-voorbeeld/ first, so the list of submissions is not empty.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openAdmin } from '../lib/admin-browser';
import { repoRoot } from '../lib/paths';

const cmsUrl = process.env.CMS_URL ?? 'http://localhost:1337';
const email = process.env.ADMIN_EMAIL;
const password = process.env.ADMIN_PASSWORD;
if (!email || !password) {
  console.error('Set ADMIN_EMAIL and ADMIN_PASSWORD to an admin of the running demo.');
  process.exit(1);
}
const outDir = path.join(repoRoot, 'docs', 'handleiding', 'afbeeldingen');
fs.mkdirSync(outDir, { recursive: true });

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(800);
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`docs/handleiding/afbeeldingen/${name}.png`);
};

/** A screenshot of one part of the page, with a margin around it. */
const shotOf = async (page: Page, part: Locator, name: string) => {
  const box = await part.boundingBox();
  if (!box) throw new Error(`${name}: the part to show is not on the page`);
  await page.screenshot({
    path: path.join(outDir, `${name}.png`),
    clip: { x: box.x - 24, y: box.y - 24, width: box.width + 48, height: box.height + 48 },
  });
  console.log(`docs/handleiding/afbeeldingen/${name}.png`);
};

const admin = await openAdmin(cmsUrl, email, password);
const { page, open } = admin;
try {
  // The announcement banners of Strapi itself are closed, as an editor would.
  const closeBanners = async () => {
    for (const close of await page.getByRole('button', { name: /close|sluiten/i }).all()) {
      await close.click().catch(() => undefined);
    }
  };

  // The login page, in a window of its own that is not logged in.
  const visitor = await admin.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await visitor.addInitScript("localStorage.setItem('strapi-admin-language', 'nl')");
  await visitor.goto(`${cmsUrl}/admin/auth/login`);
  await visitor.waitForLoadState('networkidle');
  await shot(visitor, '01-inloggen');
  await visitor.close();

  await open('/content-manager/collection-types/api::article.article');
  await closeBanners();
  await shot(page, '02-nieuwsberichten');

  await open('/content-manager/collection-types/api::article.article/create');
  await page.locator('input[name="title"]').fill('Koffie-ochtend in Wittevrouwenveld (voorbeeld)');
  await page
    .locator('textarea[name="summary"]')
    .fill('Elke dinsdag drinken buren samen koffie in het buurthuis. Iedereen is welkom.');
  await shot(page, '03-nieuw-bericht');
  // A sentence that is too long and too hard, to show what the panel then says.
  await page
    .locator('textarea[name="summary"]')
    .fill(
      'In het kader van de bevordering van maatschappelijke participatie organiseert het buurtnetwerk in samenwerking met diverse welzijnsorganisaties wekelijks laagdrempelige ontmoetingsactiviteiten voor alleenstaande bewoners.',
    );
  const panel = page.locator('[data-hub-editor-advice]');
  await panel.getByText('Lange zinnen').waitFor();
  await shotOf(page, panel, '05-b1-check-paneel');

  await open('/content-manager/collection-types/api::article.article');
  await page.locator('tbody tr').first().click();
  await page.locator('[data-hub-editor-advice]').waitFor();
  await shot(page, '04-bericht-met-b1-check');

  // The document's "Op de website" panel: a demo article is on the site.
  const onSite = page.locator('[data-hub-publication-panel="on-site"]');
  await onSite.waitFor({ timeout: 30_000 });
  await shotOf(page, onSite, '13-op-de-website');

  await page.getByText('Publiceren op', { exact: true }).scrollIntoViewIfNeeded();
  await shot(page, '06-plannen');

  await open('/content-manager/collection-types/api::good-practice.good-practice/create');
  await shot(page, '07-nieuw-goed-voorbeeld');

  await open('/content-manager/collection-types/api::event.event/create');
  await shot(page, '08-nieuwe-activiteit');

  await open('/plugins/upload');
  await shot(page, '09-mediabibliotheek');

  await open(
    '/content-manager/collection-types/api::good-practice.good-practice?filters[$and][0][submitted][$eq]=true',
  );
  await shot(page, '10-ingezonden-aanmeldingen');

  await open('/content-manager/collection-types/api::article.article');
  await page.locator('tbody tr').first().click();
  await page.locator('[data-hub-editor-advice]').waitFor();
  await page.getByText('Voorbeeld openen', { exact: true }).click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
  await shot(page, '11-voorbeeld');

  // The home page's Publicatie widget.
  await open('/');
  await closeBanners();
  await page.locator('[data-hub-publication]').waitFor({ timeout: 30_000 });
  // The whole widget, its title included (a section named by its heading).
  await shotOf(page, page.getByRole('region', { name: 'Publicatie' }), '12-publicatie');
} finally {
  await admin.browser.close();
}

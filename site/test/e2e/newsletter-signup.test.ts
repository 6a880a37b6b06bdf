import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../../cms/test/mail-catcher';
import { buildTestSite, type BuiltSite } from './built-site';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';
import { checkHtml } from './html-checker';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const SUBSCRIBERS = 'api::newsletter-subscriber.newsletter-subscriber';

let site: BuiltSite;
let catcher: MailCatcher;
let browser: Browser;
/** Pages the CMS answered with, kept to run the HTML checker over them with the site's pages. */
const answered: Record<string, string> = {};

beforeAll(async () => {
  ensureChromium();
  catcher = await startMailCatcher();
  // Sign-up is open only with a mail server: the catcher stands in for it.
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(catcher.port),
    EMAIL_FROM: 'nieuwsbrief@voorbeeld.nl',
  });
  site = await buildTestSite();
  browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.stop();
  await catcher?.close();
  for (const name of ['SMTP_HOST', 'SMTP_PORT', 'EMAIL_FROM'])
    Reflect.deleteProperty(process.env, name);
});

const rowsFor = async (email: string) =>
  (await site.cms.strapi.db.query(SUBSCRIBERS).findMany({ where: { email } })) as {
    confirmedAt: string | null;
    parts: string[];
    district: string | null;
  }[];

async function confirmLinkFor(email: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mail = catcher.mails.find((caught) => caught.to.includes(email));
    const link =
      mail &&
      /https?:\/\/[^\s]+\/api\/newsletter\/confirm\?token=[A-Za-z0-9._%-]+/.exec(mail.text)?.[0];
    if (link) return new URL(link).pathname + new URL(link).search;
    if (Date.now() > deadline) throw new Error(`No confirmation mail for ${email}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function open(
  pathname: string,
  withScripts = true,
): Promise<{ page: Page; foreign: string[] }> {
  const context = await browser.newContext();
  // The site's own scripts never load, as for a visitor without JavaScript; axe can still run
  // (with JavaScript switched off in the browser, its checks would never finish).
  if (!withScripts) await context.route(/\.m?js$/, (route) => route.abort());
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(site.url) && !request.url().startsWith('data:'))
      foreign.push(request.url());
  });
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) foreign.push(`CSP: ${message.text()}`);
  });
  await page.goto(`${site.url}${pathname}`, { waitUntil: 'networkidle' });
  return { page, foreign };
}

/** What axe finds on the page as it is now, for the WCAG 2.1 A and AA rules. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) =>
        `${violation.id} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
  });
}

/** Checks the page as it is for axe violations, other origins and CSP blocks; keeps its HTML. */
async function checkPage(name: string, page: Page, foreign: string[]): Promise<string[]> {
  answered[name] = await page.content();
  return [...(await axeViolations(page)), ...foreign].map((problem) => `${name}: ${problem}`);
}

describe('the newsletter sign-up, in Chromium through the site’s own server', () => {
  it('signs up with JavaScript: problems beside the fields, then the mail, then one click to confirm', async () => {
    const problems: string[] = [];
    const { page, foreign } = await open('/nieuwsbrief/');
    problems.push(...(await checkPage('nieuwsbrief', page, foreign)));
    // The page has the whole form; the footer leaves its short one out here.
    expect(await page.locator('form[data-newsletter-form]').count()).toBe(1);

    const form = page.locator('form[data-newsletter-form="page"]');
    await form.getByLabel('Je e-mailadres').fill('geen-adres');
    await form.getByLabel('Nieuws', { exact: true }).uncheck();
    await form.getByLabel('Agenda', { exact: true }).uncheck();
    await form.getByLabel('Goede voorbeelden', { exact: true }).uncheck();
    await form.getByRole('button', { name: 'Aanmelden' }).click();
    const summary = page.locator('[data-form-message]');
    await expect
      .poll(() => summary.evaluate((element) => element === document.activeElement))
      .toBe(true);
    expect(await summary.textContent()).toMatch(/vul een e-mailadres in/);
    expect(await summary.textContent()).toMatch(/Zet een vinkje bij minstens één onderdeel/);
    expect(await page.locator('#nb-email').getAttribute('aria-invalid')).toBe('true');
    problems.push(...(await checkPage('nieuwsbrief-fouten', page, [])));
    // The summary's link puts the cursor in the field.
    await summary.getByRole('link', { name: /e-mailadres/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('nb-email');

    const email = 'met-script@voorbeeld.nl';
    await page.locator('#nb-email').fill(email);
    await page.getByLabel('Agenda', { exact: true }).check();
    await page.getByLabel('Alleen nieuws uit één stadsdeel?').selectOption('zuid');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL('**/nieuwsbrief/kijk-in-je-mail/');
    problems.push(...(await checkPage('kijk-in-je-mail', page, foreign)));
    expect(await rowsFor(email)).toMatchObject([
      { confirmedAt: null, parts: ['agenda'], district: 'zuid' },
    ]);

    const link = await confirmLinkFor(email);
    const confirm = await open(link);
    problems.push(...(await checkPage('bevestigen', confirm.page, confirm.foreign)));
    await confirm.page.getByRole('button', { name: 'Ja, ik wil de nieuwsbrief' }).click();
    await confirm.page.getByRole('heading', { name: 'Je aanmelding is klaar' }).waitFor();
    problems.push(...(await checkPage('bevestigd', confirm.page, confirm.foreign)));
    expect((await rowsFor(email))[0]?.confirmedAt).toBeTruthy();

    // The subscriber's own page, reached from the confirmation.
    await confirm.page.getByRole('link', { name: /Kies wat je krijgt/ }).click();
    await confirm.page.getByRole('heading', { name: 'Je nieuwsbrief' }).waitFor();
    problems.push(...(await checkPage('je-nieuwsbrief', confirm.page, confirm.foreign)));
    await confirm.page.getByLabel('Nieuws', { exact: true }).check();
    await confirm.page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await confirm.page.getByText('Je keuze is opgeslagen').waitFor();
    expect(await rowsFor(email)).toMatchObject([{ parts: ['nieuws', 'agenda'], district: 'zuid' }]);
    await confirm.page.getByRole('button', { name: 'Meld me af' }).click();
    await confirm.page.getByRole('heading', { name: 'Je bent afgemeld' }).waitFor();
    problems.push(...(await checkPage('afgemeld', confirm.page, confirm.foreign)));
    expect(await rowsFor(email)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
    await confirm.page.context().close();
  }, 120_000);

  it('signs up without JavaScript from the footer of any page: the CMS asks to check and send once more', async () => {
    const { page, foreign } = await open('/', false);
    const problems = await checkPage('voorpagina', page, foreign);
    const footer = page.locator('form[data-newsletter-form="footer"]');
    const email = 'zonder-script@voorbeeld.nl';
    await footer.getByLabel('Je e-mailadres').fill(email);
    await footer.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Kijk of alles klopt' }).waitFor();
    problems.push(...(await checkPage('kijk-of-alles-klopt', page, [])));
    expect(await page.locator('#nb-email').inputValue()).toBe(email);
    expect(await rowsFor(email)).toEqual([]);
    // The form token must be a second old before the CMS takes it (robots are faster).
    await page.waitForTimeout(1100);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL('**/nieuwsbrief/kijk-in-je-mail/');
    expect(await rowsFor(email)).toMatchObject([
      { parts: ['nieuws', 'agenda', 'goede-voorbeelden'], district: null },
    ]);
    await confirmLinkFor(email);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('signs up from the footer with JavaScript in one go, even when sent at once', async () => {
    const { page } = await open('/agenda/');
    const footer = page.locator('form[data-newsletter-form="footer"]');
    const email = 'snel@voorbeeld.nl';
    await footer.getByLabel('Je e-mailadres').fill(email);
    await footer.getByLabel('Goede voorbeelden', { exact: true }).uncheck();
    await footer.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL('**/nieuwsbrief/kijk-in-je-mail/');
    expect(await rowsFor(email)).toMatchObject([{ parts: ['nieuws', 'agenda'] }]);
    await page.context().close();
  }, 60_000);

  it('gives valid HTML (the Nu HTML Checker) on the site’s pages and the CMS’s answers', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-newsletter-html-'));
    try {
      for (const [name, html] of Object.entries(answered))
        fs.writeFileSync(path.join(dir, `${name}.html`), html);
      for (const built of [
        'nieuwsbrief/index.html',
        'nieuwsbrief/kijk-in-je-mail/index.html',
        'index.html',
      ])
        fs.copyFileSync(path.join(site.outDir, built), path.join(dir, built.replace(/\//g, '-')));
      expect(Object.keys(answered).length).toBeGreaterThanOrEqual(8);
      expect(await checkHtml(dir)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../../site/test/e2e/chromium';

/** A logged-in admin panel in Debian's Chromium, in Dutch. */
export interface AdminSession {
  browser: Browser;
  page: Page;
  /** Opens a path of the admin (below /admin) and waits until it has settled. */
  open: (adminPath: string) => Promise<void>;
}

/** Logs in to the admin at `cmsUrl` as a real editor would, in a 1440 by 1000 window. */
export async function openAdmin(
  cmsUrl: string,
  email: string,
  password: string,
): Promise<AdminSession> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const context = await browser.newContext({
    locale: 'nl-NL',
    viewport: { width: 1440, height: 1000 },
  });
  // The admin's own language choice, as the language menu on its login page stores it.
  await context.addInitScript("localStorage.setItem('strapi-admin-language', 'nl')");
  const page = await context.newPage();
  await page.goto(`${cmsUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 }),
    page.click('button[type="submit"]'),
  ]);
  const open = async (adminPath: string) => {
    await page.goto(`${cmsUrl}/admin${adminPath}`);
    await page.waitForLoadState('networkidle');
  };
  return { browser, page, open };
}

/** The text the editor's readability panel shows now (see cms/src/admin/editor-advice-panel.tsx). */
export async function editorAdviceText(page: Page): Promise<string> {
  const panel = page.locator('[data-hub-editor-advice]');
  await panel.waitFor({ timeout: 30_000 });
  return (await panel.textContent()) ?? '';
}

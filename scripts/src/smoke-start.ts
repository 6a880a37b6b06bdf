/**
 * `npm run smoke:start`: rehearses what a newcomer does. Runs `npm start` on a fresh SQLite
 * database, checks what it promises (health, admin panel, seeded demo content, a closed
 * public API, the site built and served, a form sent through the site, the B1 panel in the
 * admin), then stops it the way Ctrl-C does and checks that
 * everything stopped.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './lib/paths';
import { logLine } from './lib/processes';
import { editorAdviceText, openAdmin, type AdminSession } from './lib/admin-browser';
import { HOSTILE_REQUESTS } from './lib/hostile-requests';
import { rawGet, rawRequest } from './lib/raw-http';

const port = process.env.SMOKE_PORT ?? '1337';
const sitePort = process.env.SMOKE_SITE_PORT ?? '4321';
const base = `http://127.0.0.1:${port}`;
const siteBase = `http://127.0.0.1:${sitePort}`;
/**
 * The publisher's and the preview server's ports: npm start's defaults, or ports of their own
 * (SMOKE_*), so CI can run two smoke tests side by side (Node 20 and Node 24).
 */
const publisherPort = Number(process.env.SMOKE_PUBLISHER_PORT ?? 4322);
const previewPort = Number(process.env.SMOKE_PREVIEW_PORT ?? 4323);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-smoke-'));
const tokenFile = path.join(workDir, 'site-build-token');
const log = (line: string) => logLine('smoke', line);
const failures: string[] = [];

function check(ok: boolean, what: string): void {
  log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

async function status(url: string, token?: string): Promise<number> {
  try {
    const response = await fetch(url, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
    });
    return response.status;
  } catch {
    return 0;
  }
}

async function total(collection: string, token: string): Promise<number> {
  const response = await fetch(`${base}/api/${collection}?pagination[pageSize]=1`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  const body = (await response.json()) as { meta?: { pagination?: { total?: number } } };
  return body.meta?.pagination?.total ?? 0;
}

/**
 * A form sent to the site's own address without JavaScript: the CMS (through the site's server)
 * asks to check it, then takes it with the token from that page, as a draft that is not public.
 */
async function checkSubmissionThroughSite(buildToken: string): Promise<void> {
  const title = `Rookproef ${Date.now()} (voorbeeld)`;
  const fields = {
    title,
    summary: 'Een aanmelding van de rookproef van npm start.',
    activityType: 'anders',
    submitterName: 'Rookproef',
    submitterEmail: 'rookproef@example.org',
  };
  const send = (formToken?: string) =>
    fetch(`${siteBase}/api/submissions/good-practices`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
      body: new URLSearchParams({ ...fields, ...(formToken ? { formToken } : {}) }).toString(),
    }).catch(() => null);
  const first = await send();
  const page = first ? await first.text() : '';
  const formToken = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
  check(
    first?.status === 200 && page.includes('Kijk of alles klopt') && Boolean(formToken),
    `a form sent without JavaScript through the site is shown again to check (${first?.status})`,
  );
  if (!formToken) return;
  // The CMS takes a form no sooner than SUBMISSION_MIN_FILL_SECONDS (3) after its token.
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const second = await send(formToken);
  check(
    second?.status === 303 && second.headers.get('location') === '/bedankt/',
    `sent again, it goes on to /bedankt/ (${second?.status})`,
  );
  const query = `filters[title][$eq]=${encodeURIComponent(title)}`;
  const published = await fetch(`${base}/api/good-practices?${query}`, {
    headers: { Authorization: `Bearer ${buildToken}` },
  }).then((response) => response.json() as Promise<{ data?: unknown[] }>);
  check(published.data?.length === 0, 'the submission is not published');
}

const ADMIN = { email: 'rookproef@example.org', password: 'Rookproef2026!' };

/**
 * The real admin: the home page's Publicatie widget says since when the site is live; an
 * article's panel says it is on the site; the editor's readability panel scores the article
 * being edited, and changes while the editor types (a long, hard sentence makes it say so).
 */
async function checkEditorPanel(): Promise<void> {
  let admin: AdminSession | undefined;
  try {
    admin = await openAdmin(base, ADMIN.email, ADMIN.password);
    // The home page's Publicatie widget: the first build is live.
    await admin.open('/');
    const widget = admin.page.locator('[data-hub-publication-state="live"]');
    await widget.waitFor({ timeout: 30_000 });
    check(
      /Live sinds \d{1,2} [a-z]+ \d{4}/.test((await widget.textContent()) ?? ''),
      'the admin home page shows the Publicatie widget: "Live sinds" and a time',
    );
    await admin.open('/content-manager/collection-types/api::article.article');
    await admin.page.locator('tbody tr').first().click();
    // Every demo article is published before the first build, so it is on the site.
    const panel = admin.page.locator('[data-hub-publication-panel="on-site"]');
    await panel.waitFor({ timeout: 30_000 });
    check(
      ((await panel.textContent()) ?? '').includes('Staat op de site sinds'),
      'a published article\'s panel says "Staat op de site sinds"',
    );
    const before = await editorAdviceText(admin.page);
    check(
      /Taalniveau/.test(before) && /Flesch-Douma/.test(before),
      'the admin shows the B1 panel beside an article',
    );
    const summary = admin.page.locator('textarea[name="summary"]');
    await summary.fill(
      'De gemeentelijke beleidsmedewerkers ontwikkelen in samenwerking met maatschappelijke organisaties een integrale uitvoeringsagenda ter voorkoming van eenzaamheidsproblematiek onder kwetsbare doelgroepen in alle stadsdelen.',
    );
    await admin.page
      .locator('[data-hub-editor-advice]', { hasText: 'Lange zinnen' })
      .waitFor({ timeout: 10_000 });
    const after = await editorAdviceText(admin.page);
    check(
      after.includes('eenzaamheidsproblematiek'),
      'the panel follows the typing: a long sentence and a hard word appear',
    );
  } catch (error) {
    check(
      false,
      `the admin's widget and panels: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    await admin?.browser.close();
  }
}

/** Each service with a request it answers in a known way while it runs. */
const SERVICES = [
  { name: 'the CMS', port: Number(port), path: '/_health', status: 204 },
  { name: 'the site', port: Number(sitePort), path: '/', status: 200 },
  { name: 'the publisher', port: publisherPort, path: '/status', status: 200 },
  { name: 'the preview server', port: previewPort, path: '/', status: 403 },
];

/**
 * What a scanner sends, to every service of npm start: afterwards each still answers, and none
 * answered with a 5xx.
 */
async function checkHostileRequests(): Promise<void> {
  const serverErrors: string[] = [];
  for (const service of SERVICES) {
    for (const [what, bytes] of HOSTILE_REQUESTS) {
      const answer = await rawRequest(service.port, bytes, 3_000);
      if (answer.status >= 500) serverErrors.push(`${service.name}: ${what} (${answer.status})`);
    }
  }
  check(
    serverErrors.length === 0,
    `${HOSTILE_REQUESTS.length} hostile requests to each service get no 5xx ${serverErrors.join('; ')}`,
  );
  for (const service of SERVICES) {
    const { status: answered } = await rawGet(service.port, service.path);
    check(answered === service.status, `${service.name} still answers after them (${answered})`);
  }
}

/** Kills the static server's process: npm start starts it again, and the site comes back. */
async function checkSiteRestarts(): Promise<void> {
  const pidOfSite = () => {
    try {
      return execFileSync('pgrep', ['-g', String(child.pid), '-f', 'static-server-cli'], {
        encoding: 'utf8',
      })
        .trim()
        .split('\n')
        .filter(Boolean);
    } catch {
      return [];
    }
  };
  const [killed] = pidOfSite();
  check(Boolean(killed), `the static server runs as its own process (${killed})`);
  if (!killed) return;
  process.kill(Number(killed), 'SIGKILL');
  const deadline = Date.now() + 60_000;
  let back = false;
  while (!back && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const [now] = pidOfSite();
    back = Boolean(now) && now !== killed && (await status(`${siteBase}/`)) === 200;
  }
  check(back, 'npm start starts a killed static server again, and the site answers 200');
  check((await status(`${base}/_health`)) === 204, 'the CMS kept running meanwhile');
}

const startedAt = Date.now();
// A process group of its own, so we can send SIGINT to all of it, as a terminal does on Ctrl-C.
const child = spawn('npm', ['start'], {
  cwd: repoRoot,
  detached: true,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    PORT: port,
    SITE_PORT: sitePort,
    PUBLISHER_PORT: String(publisherPort),
    PREVIEW_PORT: String(previewPort),
    DATABASE_FILENAME: path.join(workDir, 'data.db'),
    SITE_BUILD_TOKEN_FILE: tokenFile,
    PUBLISH_DIR: path.join(workDir, 'publish'),
    // The first admin, so the check below can log in as an editor does.
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  },
});
const exited = new Promise<string>((resolve) =>
  child.on('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
);

/** Polls until `url` answers `expected` or `limitMs` after the start has passed. */
async function answersWithin(url: string, expected: number, limitMs: number): Promise<boolean> {
  while (Date.now() - startedAt < limitMs && child.exitCode === null) {
    if ((await status(url)) === expected) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return false;
}
const seconds = () => Math.round((Date.now() - startedAt) / 1000);

try {
  const healthy = await answersWithin(`${base}/_health`, 204, 5 * 60_000);
  check(healthy, `/_health answers 204 (after ${seconds()} s, limit 300 s)`);
  if (healthy) {
    check((await status(`${base}/admin`)) === 200, '/admin answers 200');
    // Nobody else on the network can reach a fresh demo's CMS (and claim its first admin).
    const outward = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (outward) {
      const fromOutside = await status(`http://${outward.address}:${port}/_health`);
      check(fromOutside === 0, `the CMS does not answer on ${outward.address} (${fromOutside})`);
    }
    const token = fs.readFileSync(tokenFile, 'utf8').trim();
    const minimum: Record<string, number> = {
      articles: 12,
      'good-practices': 15,
      events: 12,
      partners: 15,
    };
    for (const [collection, least] of Object.entries(minimum)) {
      const count = await total(collection, token);
      check(count >= least, `${count} published ${collection} (at least ${least})`);
    }
    const anonymous = await status(`${base}/api/articles?status=draft`);
    check(
      anonymous === 401 || anonymous === 403,
      `anonymous GET /api/articles?status=draft is refused (${anonymous})`,
    );
    // The site is built from the running CMS, then served.
    const siteUp = await answersWithin(`${siteBase}/`, 200, 8 * 60_000);
    check(siteUp, `the site answers 200 on :${sitePort} (after ${seconds()} s)`);
    const sitePaths = [
      '/nieuws/',
      '/goede-voorbeelden/',
      '/agenda/',
      '/partners/',
      '/rss.xml',
      '/agenda.ics',
      '/sitemap-index.xml',
      '/meld-een-goed-voorbeeld/',
      '/meld-een-activiteit/',
    ];
    for (const sitePath of sitePaths) {
      check((await status(`${siteBase}${sitePath}`)) === 200, `site ${sitePath} answers 200`);
    }
    await checkSubmissionThroughSite(token);
    await checkEditorPanel();
    await checkHostileRequests();
    await checkSiteRestarts();
  }
} finally {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGINT');
  } catch {
    // npm start and all it started have stopped by themselves (a failed start, reported above).
  }
  const code = await Promise.race([
    exited,
    // unref: a pending timer must not keep this script alive once npm start has stopped.
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 30_000).unref()),
  ]);
  check(code !== 'timeout', `npm start stops on Ctrl-C (${code})`);
  if (code === 'timeout' && child.pid) process.kill(-child.pid, 'SIGKILL');
  check((await status(`${base}/_health`)) === 0, 'nothing listens on the CMS port afterwards');
  check((await status(`${siteBase}/`)) === 0, 'nothing listens on the site port afterwards');
  fs.rmSync(workDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  log(`${failures.length} check(s) failed.`);
  process.exit(1);
}
log('npm start works.');

/**
 * Every page of the console (the /admin and /supervision routes of router.tsx), signed in as an
 * administrator with a staff and a SIPAS campaign in place:
 * - in Vietnamese (the default) no English text of the code's catalogue (the English side of every
 *   `t(vi, en)` pair and the error catalogue's English messages, text-catalogue.ts) is rendered, and
 *   nothing is marked `lang="en"` besides the language switch itself;
 * - axe-core finds no serious or critical violation;
 * - at 1366×768 and on a 390-px phone the page body does not scroll sideways (tables scroll inside
 *   their own container) and every navigation link is on screen;
 * - after the switch to English the page is in English (`<html lang="en">`, every h1/h2 carries
 *   English text of the catalogue).
 * A route without a sample address below fails the test: a new console page gets scanned too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { ADMIN } from '../support/build-app.ts';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { postgresOnly } from '../support/engine.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { consoleRoutes, englishPieces, errorTextPairs, piecesIn, webTextPairs } from '../support/text-catalogue.ts';

const DESKTOP = { viewport: { width: 1366, height: 768 } };
const YEAR = 2026;

let sys: TestSystem;
let browser: Browser;
let pages: string[];
const english = englishPieces([...webTextPairs(), ...errorTextPairs()]);

async function seed(): Promise<{ staff: string; sipas: string }> {
  const cookie = await sys.sessionCookie();
  const post = async (url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const res = await sys.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: payload as string });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>();
  };
  const window = { year: YEAR, opensAt: '2020-01-01T00:00:00Z', closesAt: '2099-01-01T00:00:00Z' };
  const staff = (await post('/api/v1/campaigns', { kind: 'staff', name: 'Khảo sát CBCCVC 2026', ...window })).id;
  const sipas = (await post('/api/v1/campaigns', { kind: 'sipas', name: 'SIPAS 2026', ...window })).id;
  await post(
    `/api/v1/campaigns/${staff}/respondents`,
    'full_name,email,unit_code,respondent_group\nLê Văn A,a.cp@example.vn,ST02,T2\nTrần Thị B,b.cp@example.vn,ST16,T3\n',
    { 'content-type': 'text/csv' },
  );
  await post('/api/v1/kiosks', { unitCode: 'ST34', counterName: 'Quầy tiếp nhận hồ sơ số 1' });
  return { staff, sipas };
}

/** One sample address per console route; a route none of them matches fails the test. */
function samplePages(ids: { staff: string; sipas: string }): string[] {
  const samples = [
    '/admin',
    '/admin/kiosks',
    '/admin/units',
    '/admin/users',
    '/admin/audit',
    '/admin/forms',
    `/admin/campaigns/${ids.staff}`,
    `/admin/campaigns/${ids.sipas}`,
    `/admin/campaigns/${ids.sipas}/fieldwork`,
    `/admin/campaigns/${ids.sipas}/results`,
    `/admin/campaigns/${ids.sipas}/plan`,
    `/admin/par/${YEAR}`,
    '/supervision',
    `/supervision/${ids.sipas}`,
  ];
  const routes = consoleRoutes();
  expect(routes.length).toBeGreaterThan(8);
  const uncovered = routes.filter((r) => !samples.some((s) => r.test(s)));
  expect(uncovered.map(String), 'console routes without a sample page in this test').toEqual([]);
  return samples.filter((s) => routes.some((r) => r.test(s)));
}

async function signedIn(options: object): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, baseURL: sys.baseUrl });
  const page = await context.newPage();
  await page.goto('/admin');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.getByRole('navigation', { name: 'Quản trị' }).waitFor();
  return { context, page };
}

/** Opens a page and waits until its first heading is there and nothing says it is loading. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('h1').first().waitFor();
  await expect.poll(() => page.getByText(/^(Đang tải|Loading)/).count(), { timeout: 20_000 }).toBe(0);
}

// Run in the page (strings: this package is compiled without the DOM library).
// Raw stored records (the audit log's details) are marked translate="no" and left out.
const READ_TEXT = `(() => {
  const raw = [...document.querySelectorAll('[translate="no"]')];
  for (const e of raw) e.style.visibility = 'hidden';
  const text = document.body.innerText;
  for (const e of raw) e.style.visibility = '';
  const attrs = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')]
    .flatMap((e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''));
  return [text, ...attrs].join('\\n');
})()`;
const MARKED_ENGLISH = `[...document.body.querySelectorAll('[lang="en"]')].filter((e) => !e.closest('.shell-user')).map((e) => e.textContent)`;
const LAYOUT = `(() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width + 1) {
    const wide = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > width + 1)
      .slice(0, 3).map((e) => e.tagName.toLowerCase() + '.' + e.className);
    problems.push('body ' + document.documentElement.scrollWidth + 'px wide in ' + width + 'px (' + wide.join(', ') + ')');
  }
  for (const a of document.querySelectorAll('nav.shell-nav a')) {
    const r = a.getBoundingClientRect();
    if (r.width === 0 || r.left < 0 || r.right > width + 1) problems.push('nav link “' + a.textContent + '” off screen');
  }
  return problems;
})()`;

/** What a reader gets from the page: its text and the labels a screen reader or hover shows. */
const renderedText = (page: Page) => page.evaluate<string>(READ_TEXT);
const markedEnglish = (page: Page) => page.evaluate<string[]>(MARKED_ENGLISH);
const htmlLang = (page: Page) => page.evaluate<string>('document.documentElement.lang');

/** The page body is not wider than the window, and every navigation link is inside it. */
async function layoutProblems(page: Page, url: string): Promise<string[]> {
  return (await page.evaluate<string[]>(LAYOUT)).map((p) => `${url}: ${p}`);
}

// Reading pages only: the database engine does not matter, so it runs on PostgreSQL only (engine.ts).
describe.skipIf(postgresOnly)('every console page', () => {
  beforeAll(async () => {
    sys = await startTestSystem();
    browser = await journeyBrowser();
    pages = samplePages(await seed());
  });
  afterAll(async () => {
    await browser?.close();
    await sys?.close();
  });

  it('in Vietnamese shows no English text of the catalogue, has no serious axe violation and fits 1366×768', async () => {
    const { context, page } = await signedIn(DESKTOP);
    const found: Record<string, string[]> = {};
    const problems: string[] = [];
    for (const url of pages) {
      await open(page, url);
      expect(await htmlLang(page)).toBe('vi');
      const leaks = [
        ...piecesIn(await renderedText(page), english),
        ...(await markedEnglish(page)).map((t) => `lang="en": ${t}`),
      ];
      if (leaks.length > 0) found[url] = leaks;
      const axe = await seriousViolations(page);
      if (axe.length > 0) problems.push(`${url}: ${axe.join('; ')}`);
      problems.push(...(await layoutProblems(page, url)));
    }
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await context.close();
  }, 420_000);

  it('fits a 390-px phone with the navigation on screen and usable', async () => {
    const { context, page } = await signedIn(PHONE);
    const problems: string[] = [];
    for (const url of pages) {
      await open(page, url);
      problems.push(...(await layoutProblems(page, url)));
    }
    expect(problems).toEqual([]);
    await open(page, '/admin');
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Máy tại quầy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Máy tính bảng tại quầy' }).waitFor();
    await context.close();
  });

  it('after the switch to English, every page and its headings are in English', async () => {
    const { context, page } = await signedIn(DESKTOP);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('navigation', { name: 'Administration' }).waitFor();
    const notEnglish: string[] = [];
    for (const url of pages) {
      await open(page, url);
      expect(await htmlLang(page)).toBe('en');
      // A campaign's page is headed by its name (data); every section heading is translated.
      const [h1 = '', ...h2s] = await page.locator('h1, h2').allInnerTexts();
      for (const h of h2s) if (piecesIn(h, english).length === 0) notEnglish.push(`${url}: ${h}`);
      if (piecesIn([h1, ...h2s].join('\n'), english).length === 0) notEnglish.push(`${url}: ${h1}`);
    }
    expect(notEnglish).toEqual([]);
    await context.close();
  });
});

/**
 * The production output as the image holds it. A temporary folder gets exactly what the Dockerfile's
 * runtime stage copies (server/dist, db/migrations, db/seed, survey-web/dist) and node_modules laid out
 * as `pnpm install --prod --filter @hailong/server` leaves them: the package store, and in
 * server/node_modules only the server's run-time dependencies (no tsx, no workspace sources). The
 * image's entry point (`node --enable-source-maps server/dist/main.mjs`) then runs `migrate`, `api` and
 * `worker` from there with NODE_ENV=production, so a file the bundle reads from the checkout, or a
 * package it imports without declaring it, fails here instead of in a deployed container.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kioskBody, quickAnswers } from '../../api/test/kiosk-fixtures.ts';
import { TEST_TOKEN_SECRET } from '../../test/support/env.ts';
import { respondentRows, respondentXlsx } from '../../test/support/respondent-files.ts';
import { createTestDatabase, queryDatabase, type TestDatabase } from '../../test/support/pg.ts';
import { removeKeys, TEST_REDIS_URL, uniquePrefix } from '../../test/support/redis.ts';
import { freePort, REPO, startServerProcess, waitForStatus, type ServerProcess } from '../../test/support/server-process.ts';

/** What the runtime stage copies from the build stage (Dockerfile `COPY --from=build`). */
const COPIED = ['server/dist', 'db/migrations', 'db/seed', 'survey-web/dist'];
/** Built by `pnpm build` (which `pnpm test` runs first); the test cannot stand in for it. */
const BUILT = ['server/dist/main.mjs', 'survey-web/dist/index.html', 'survey-web/dist/kiosk.html'];
const ENTRY = ['--enable-source-maps'];
const ADMIN = { email: 'admin@example.vn', password: 'Image-Pass-2026!' };

let image = '';
let database: TestDatabase | undefined;
let prefix = '';
let base = '';
const processes: ServerProcess[] = [];

/** The runtime stage's /app in a temporary folder; returns its path. */
function assembleImage(): string {
  const missing = BUILT.filter((f) => !existsSync(path.join(REPO, f)));
  if (missing.length > 0) throw new Error(`${missing.join(' and ')} missing: run \`pnpm build\` first (pnpm test does).`);
  const root = mkdtempSync(path.join(os.tmpdir(), 'hl-image-'));
  for (const dir of COPIED) cpSync(path.join(REPO, dir), path.join(root, dir), { recursive: true });
  mkdirSync(path.join(root, 'node_modules'));
  symlinkSync(path.join(REPO, 'node_modules/.pnpm'), path.join(root, 'node_modules/.pnpm'), 'dir');
  const pkg = JSON.parse(readFileSync(path.join(REPO, 'server/package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  for (const name of Object.keys(pkg.dependencies)) {
    const link = path.join(root, 'server/node_modules', name);
    mkdirSync(path.dirname(link), { recursive: true });
    symlinkSync(realpathSync(path.join(REPO, 'server/node_modules', name)), link, 'dir');
  }
  return root;
}

function start(role: string, env: Record<string, string>): ServerProcess {
  const p = startServerProcess(role, env, { bundle: path.join(image, 'server/dist/main.mjs'), cwd: image, nodeArgs: ENTRY });
  processes.push(p);
  return p;
}

async function login(): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('hl_session='));
  return cookie?.split(';')[0] ?? '';
}

async function post(
  pathname: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  image = assembleImage();
  database = await createTestDatabase();
  prefix = uniquePrefix();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    TOKEN_SECRET: TEST_TOKEN_SECRET,
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    DATA_DIR: path.join(image, 'data'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  const migrate = start('migrate', { ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  expect(await migrate.exited, migrate.output()).toBe(0);
  const api = start('api', env);
  start('worker', env);
  await waitForStatus(`${base}/readyz`, api);
});

afterAll(async () => {
  await Promise.allSettled(processes.map((p) => p.stop()));
  await database?.drop();
  if (prefix) await removeKeys(prefix);
  if (image) rmSync(image, { recursive: true, force: true });
});

describe('the production output, started with node as the image starts it', () => {
  it('holds no build tooling or workspace sources for the bundle to reach', () => {
    // Resolved by a plain node next to the bundle (the test runner's own resolution would differ).
    const probe = `const r = require('node:module').createRequire(process.argv[1]);
      console.log(JSON.stringify(['fastify', 'bullmq', 'tsx', 'esbuild', '@hailong/api', '@hailong/runtime'].map((p) => { try { return r.resolve(p) && p; } catch { return null; } })));`;
    const found = execFileSync(process.execPath, ['-e', probe, path.join(image, 'server/dist/main.mjs')], {
      cwd: image,
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    });
    expect(JSON.parse(found)).toEqual(['fastify', 'bullmq', null, null, null, null]);
    expect(existsSync(path.join(image, 'packages'))).toBe(false);
  });

  it('is ready, and the worker it started reports in', async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    await expect
      .poll(async () => (await fetch(`${base}/healthz`)).json(), { timeout: 30_000, interval: 500 })
      .toMatchObject({ db: 'ok', redis: 'ok', worker: { status: 'ok' } });
  });

  it('serves the web app at /k, /o/<unit>, /e and /admin, and every asset the page loads', async () => {
    const pages = new Set<string>();
    for (const door of ['/k', '/o/ST34', '/e', '/admin']) {
      const res = await fetch(`${base}${door}`);
      expect(res.status, door).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html).toContain('<div id="root"></div>');
      pages.add(html);
      const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
      expect(
        assets.some((a) => a.endsWith('.js')),
        html,
      ).toBe(true);
      expect(
        assets.some((a) => a.endsWith('.css')),
        html,
      ).toBe(true);
      for (const asset of assets) {
        const a = await fetch(`${base}${asset}`);
        expect(a.status, asset).toBe(200);
        expect(a.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /javascript/ : /^text\/css/);
        expect((await a.text()).length, asset).toBeGreaterThan(0);
      }
    }
    // Each respondent app has its own entry, apart from the staff console's.
    expect(pages.size).toBe(4);
  });

  it('serves the API documentation at /docs', async () => {
    const page = await fetch(`${base}/docs/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const spec = (await (await fetch(`${base}/docs/json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toContain('/api/v1/kiosk/responses');
  });

  it('pairs a kiosk and stores its submission once', async () => {
    const cookie = await login();
    const campaign = await post(
      '/api/v1/campaigns',
      {
        kind: 'sipas',
        name: 'SIPAS từ bản dựng production',
        year: 2021,
        opensAt: '2020-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
        settings: {},
      },
      { cookie },
    );
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    const kiosk = await post('/api/v1/kiosks', { unitCode: 'ST34', counterName: 'Quầy 1' }, { cookie });
    expect(kiosk.status, JSON.stringify(kiosk.body)).toBe(201);
    const paired = await post('/api/v1/kiosk/pair', { pairingCode: kiosk.body.pairingCode });
    expect(paired.status, JSON.stringify(paired.body)).toBe(200);
    const auth = { authorization: `Bearer ${String(paired.body.deviceToken)}` };
    const body = kioskBody(quickAnswers(4), new Date('2021-11-03T02:00:00Z'));
    const first = await post('/api/v1/kiosk/responses', body, auth);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await post('/api/v1/kiosk/responses', body, auth)).status).toBe(200);
    const rows = await queryDatabase<{ client_id: string }>(
      database?.url ?? '',
      "select client_id from responses where channel = 'kiosk'",
    );
    expect(rows).toEqual([{ client_id: body.clientId }]);
  });

  it('checks a respondent workbook in its worker thread, as the bundle ships it', async () => {
    const cookie = await login();
    const campaign = await post(
      '/api/v1/campaigns',
      {
        kind: 'staff',
        name: 'Cán bộ từ bản dựng',
        year: 2021,
        opensAt: '2021-01-01T00:00:00Z',
        closesAt: '2099-01-01T00:00:00Z',
      },
      { cookie },
    );
    expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
    // 2,000 rows: far over the size read in the request's thread (lib/sheet-reader.ts INLINE_MAX).
    const file = await respondentXlsx(respondentRows(2_000, 'image'));
    expect(file.length).toBeGreaterThan(64 * 1024);
    const res = await fetch(`${base}/api/v1/campaigns/${String(campaign.body.id)}/respondents?dryRun=true`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
    });
    const body = (await res.json()) as { byGroup?: { count: number }[] };
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.byGroup?.reduce((n, g) => n + g.count, 0)).toBe(2_000);
  });

  it('refuses a production start without TOKEN_SECRET and DATABASE_URL, with one message naming both', async () => {
    // The image's default command; every role parses the same configuration first (start.test.ts).
    const p = start('api', { NODE_ENV: 'production', DATA_DIR: path.join(image, 'data') });
    expect(await p.exited).toBe(1);
    const out = p.output();
    expect(out.match(/hailong cannot start/g), out).toHaveLength(1);
    expect(out.match(/required when NODE_ENV=production/g), out).toHaveLength(1);
    expect(out).toContain('DATABASE_URL, TOKEN_SECRET: required when NODE_ENV=production');
  });
});

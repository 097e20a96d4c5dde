/**
 * Every route of the OpenAPI document × every kind of caller, through the real app, PostgreSQL and
 * Redis. Each route is classified in ACCESS below; a new route that is not classified fails this
 * test, so nobody adds an endpoint without saying who may call it (add its line to ACCESS). Requests carry an empty body,
 * so the matrix also proves that authentication and authorisation come before body validation:
 * a caller who may not use a route gets 401/403/404, never a schema error.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { userRoles } from '@hailong/db';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

/** Who may call a route. `watch`/`decide` are campaign-scoped: supervisors and observers only for campaigns their organisation supervises. */
type Access = 'public' | 'device' | 'session' | 'admin' | 'enumerator' | 'readers' | 'watch' | 'decide' | 'focal';

const ACCESS: Record<string, Access> = {
  'GET /livez': 'public',
  'GET /readyz': 'public',
  'GET /healthz': 'public',
  'POST /api/v1/auth/login': 'public',
  'POST /api/v1/auth/logout': 'public',
  'GET /api/v1/auth/me': 'session',
  'POST /api/v1/auth/accounts/{id}/unlock': 'admin',
  'GET /api/v1/units/': 'public',
  'GET /api/v1/units/kinds': 'public',
  'GET /api/v1/units/{code}/lineage': 'public',
  'POST /api/v1/units/events': 'admin',
  'GET /api/v1/units/orphaned-work': 'admin',
  'POST /api/v1/campaigns/': 'admin',
  'GET /api/v1/campaigns/': 'readers',
  'GET /api/v1/campaigns/{id}': 'watch',
  'POST /api/v1/campaigns/{id}/close': 'admin',
  'POST /api/v1/campaigns/{id}/reopen': 'admin',
  'GET /api/v1/campaigns/{id}/channel-forms': 'admin',
  'PUT /api/v1/campaigns/{id}/channel-forms': 'admin',
  'GET /api/v1/campaigns/{id}/staff-templates': 'admin',
  'PUT /api/v1/campaigns/{id}/staff-templates': 'admin',
  'GET /api/v1/campaigns/headlines': 'admin',
  'GET /api/v1/campaigns/{id}/mail/preview': 'admin',
  'GET /api/v1/campaigns/{id}/mail/rounds': 'admin',
  'GET /api/v1/users': 'admin',
  'POST /api/v1/users': 'admin',
  'POST /api/v1/users/{id}/disable': 'admin',
  'POST /api/v1/users/{id}/enable': 'admin',
  'POST /api/v1/users/{id}/reset-password': 'admin',
  'GET /api/v1/audit': 'admin',
  'GET /api/v1/setup': 'public',
  'POST /api/v1/setup': 'public',
  'POST /api/v1/campaigns/{id}/respondents': 'admin',
  'POST /api/v1/campaigns/{id}/invitations/send': 'admin',
  'POST /api/v1/campaigns/{id}/reminders/send': 'admin',
  'GET /api/v1/campaigns/{id}/response-rates': 'watch',
  'GET /api/v1/campaigns/{id}/response-rates.csv': 'watch',
  'GET /api/v1/campaigns/{id}/response-rates.xlsx': 'watch',
  'GET /api/v1/s/{token}': 'public',
  'PUT /api/v1/s/{token}/draft': 'public',
  'POST /api/v1/s/{token}/submit': 'public',
  'POST /api/v1/s/{token}/opt-out': 'public',
  'GET /api/v1/focal-points': 'admin',
  'PUT /api/v1/focal-points/{unitCode}': 'admin',
  'DELETE /api/v1/focal-points/{unitCode}': 'admin',
  'GET /api/v1/focal/unit': 'focal',
  'GET /api/v1/focal/campaigns/{id}/non-respondents': 'focal',
  'POST /api/v1/focal/campaigns/{id}/respondents/{respondentId}/resend': 'focal',
  'POST /api/v1/kiosks/': 'admin',
  'GET /api/v1/kiosks/': 'readers',
  'POST /api/v1/kiosks/{id}/revoke': 'admin',
  'POST /api/v1/kiosks/{id}/pairing-code': 'admin',
  'GET /api/v1/kiosks/{id}/parked': 'watch',
  'POST /api/v1/kiosks/{id}/parked/release': 'admin',
  'POST /api/v1/kiosks/{id}/parked/discard': 'admin',
  'POST /api/v1/kiosk/pair': 'public',
  'POST /api/v1/kiosk/responses': 'device',
  'POST /api/v1/kiosk/heartbeat': 'device',
  'GET /api/v1/kiosk/form': 'device',
  'POST /api/v1/responses/{id}/review': 'admin',
  'GET /api/v1/o/{unitCode}': 'public',
  'POST /api/v1/o/{unitCode}/responses': 'public',
  'PUT /api/v1/o/{unitCode}/settings': 'admin',
  'POST /api/v1/campaigns/{id}/rating-codes': 'admin',
  'GET /api/v1/campaigns/{id}/personal-data': 'admin',
  'GET /api/v1/campaigns/{id}/results': 'watch',
  'GET /api/v1/campaigns/{id}/results/counters': 'watch',
  'GET /api/v1/campaigns/{id}/results/days': 'watch',
  'GET /api/v1/campaigns/{id}/suspect-responses': 'admin',
  'GET /api/v1/campaigns/{id}/sipas': 'watch',
  'POST /api/v1/par/{year}/self-assessments': 'admin',
  'GET /api/v1/par/{year}/self-assessments/template': 'admin',
  'GET /api/v1/par/{year}': 'watch',
  'GET /api/v1/par/{year}/sipas-comparison': 'watch',
  'GET /api/v1/par/{year}/method': 'admin',
  'PUT /api/v1/par/{year}/method': 'admin',
  'GET /api/v1/enumerators': 'admin',
  'GET /api/v1/supervisors': 'admin',
  'GET /api/v1/campaigns/{id}/supervisors': 'admin',
  'POST /api/v1/enumerators': 'admin',
  'POST /api/v1/supervisors': 'admin',
  'POST /api/v1/enumerators/import': 'admin',
  'POST /api/v1/supervisors/import': 'admin',
  'POST /api/v1/campaigns/{id}/supervisors': 'admin',
  'GET /api/v1/campaigns/{id}/assignments': 'admin',
  'POST /api/v1/campaigns/{id}/assignments': 'admin',
  'PATCH /api/v1/assignments/{id}': 'admin',
  'DELETE /api/v1/assignments/{id}': 'admin',
  'GET /api/v1/enumerator/assignments': 'enumerator',
  'POST /api/v1/enumerator/sync': 'enumerator',
  'POST /api/v1/enumerator/assignments/{id}/responses': 'enumerator',
  'GET /api/v1/campaigns/{id}/progress': 'watch',
  'GET /api/v1/campaigns/{id}/review-queue': 'watch',
  'POST /api/v1/responses/{id}/decision': 'decide',
  'POST /api/v1/campaigns/{id}/back-checks/draw': 'decide',
  'GET /api/v1/campaigns/{id}/back-checks': 'watch',
  'PATCH /api/v1/back-checks/{id}': 'decide',
  'POST /api/v1/back-checks/{id}/claim': 'decide',
  'PUT /api/v1/campaigns/{id}/targets': 'admin',
  'GET /api/v1/campaigns/{id}/sampling-plan': 'watch',
  'POST /api/v1/campaigns/{id}/sampling-plan.xlsx': 'admin',
  'GET /api/v1/sampling-plan-template.xlsx': 'admin',
  'GET /api/v1/forms': 'admin',
  'POST /api/v1/forms.xlsx': 'admin',
  'GET /api/v1/forms/workbook.xlsx': 'admin',
  'PUT /api/v1/campaigns/{id}/sampling-plan/hamlets/{localityId}': 'admin',
  'DELETE /api/v1/campaigns/{id}/sampling-plan/hamlets/{localityId}': 'admin',
  'GET /api/v1/localities': 'readers',
  'POST /api/v1/localities': 'admin',
  'PUT /api/v1/localities/{id}': 'admin',
  'DELETE /api/v1/localities/{id}': 'admin',
  'GET /api/v1/campaigns/{id}/remuneration': 'admin',
};

type Identity =
  | 'anonymous'
  | 'forgedCookie'
  | 'expiredCookie'
  | 'kioskToken'
  | 'enumerator'
  | 'observer'
  | 'supervisor'
  | 'otherSupervisor'
  | 'focalPoint'
  | 'admin';
const IDENTITIES: Identity[] = [
  'anonymous',
  'forgedCookie',
  'expiredCookie',
  'kioskToken',
  'enumerator',
  'observer',
  'supervisor',
  'otherSupervisor',
  'focalPoint',
  'admin',
];
const ROLE_OF: Partial<Record<Identity, string>> = {
  enumerator: 'enumerator',
  observer: 'observer',
  supervisor: 'supervisor',
  otherSupervisor: 'supervisor',
  focalPoint: 'focal_point',
  admin: 'admin',
};
const ROLES_OF: Record<Exclude<Access, 'public' | 'device' | 'session'>, string[]> = {
  admin: ['admin'],
  enumerator: ['enumerator'],
  readers: ['admin', 'supervisor', 'observer'],
  watch: ['admin', 'supervisor', 'observer'],
  decide: ['admin', 'supervisor'],
  focal: ['focal_point'],
};

/** The class of answer a caller must get: 'unauthenticated' 401, 'denied' 403/404, 'served' anything but 401/403 and below 500. */
type Expected = 'unauthenticated' | 'denied' | 'served' | 'any';

function expected(access: Access, who: Identity): Expected {
  const role = ROLE_OF[who];
  if (access === 'public') return 'any';
  if (access === 'device') return who === 'kioskToken' ? 'served' : 'unauthenticated';
  if (!role) return 'unauthenticated';
  if (access === 'session') return 'served';
  if (!ROLES_OF[access].includes(role)) return 'denied';
  if ((access === 'watch' || access === 'decide') && who === 'otherSupervisor') return 'denied';
  return 'served';
}

const PASSWORD = 'Matrix-Pass-2026!';
let t: TestApp;
const headers = {} as Record<Identity, Record<string, string>>;
let campaignId: string;
const YEAR = new Date().getUTCFullYear();

async function account(path: string, organisation: string, role?: string): Promise<string> {
  const email = `${role ?? 'dtv'}-${randomUUID().slice(0, 8)}@example.vn`;
  const res = await t.app.inject({
    method: 'POST',
    url: path,
    headers: { cookie: t.adminCookie },
    payload: { fullName: 'Người kiểm thử', email, organisation, password: PASSWORD, ...(role ? { role } : {}) },
  });
  if (res.statusCode !== 201) throw new Error(`${path} ${res.statusCode} ${res.body}`);
  return t.login(email, PASSWORD);
}

/** A unit's focal point, created by the admin in the accounts console, signed in with the temporary password. */
async function focalPoint(unitCode: string): Promise<string> {
  const email = `daumoi-${randomUUID().slice(0, 8)}@example.vn`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: t.adminCookie },
    payload: { fullName: 'Đầu mối kiểm thử', email, role: 'focal_point', unitCode },
  });
  if (res.statusCode !== 201) throw new Error(`focal point ${res.statusCode} ${res.body}`);
  return t.login(email, res.json<{ temporaryPassword: string }>().temporaryPassword);
}

async function campaign(name: string, year: number, organisation: string): Promise<string> {
  const day = 24 * 3600_000;
  const [opens, closes] = year === YEAR ? [-1, 30] : [-400, -370]; // last year's campaign closed long ago
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: t.adminCookie },
    payload: {
      kind: 'sipas',
      name,
      year,
      opensAt: new Date(Date.now() + opens * day).toISOString(),
      closesAt: new Date(Date.now() + closes * day).toISOString(),
    },
  });
  if (res.statusCode !== 201) throw new Error(`campaign ${res.statusCode} ${res.body}`);
  const id = res.json<{ id: string }>().id;
  const sup = await t.app.inject({
    method: 'POST',
    url: `/api/v1/campaigns/${id}/supervisors`,
    headers: { cookie: t.adminCookie },
    payload: { organisation },
  });
  if (sup.statusCode >= 300) throw new Error(`supervisors ${sup.statusCode} ${sup.body}`);
  return id;
}

async function kioskToken(): Promise<string> {
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosks',
    headers: { cookie: t.adminCookie },
    payload: { unitCode: 'ST01', counterName: 'Quầy ma trận' },
  });
  const paired = await t.app.inject({
    method: 'POST',
    url: '/api/v1/kiosk/pair',
    payload: { pairingCode: created.json<{ pairingCode: string }>().pairingCode },
  });
  return paired.json<{ deviceToken: string }>().deviceToken;
}

async function expiredCookie(): Promise<string> {
  const cookie = await t.login('admin@example.vn', 'Admin-Pass-2026!');
  const token = cookie.slice('hl_session='.length);
  const hash = createHash('sha256').update(token).digest('hex');
  await t.app.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where token_hash = ${hash}`);
  return cookie;
}

function urlFor(path: string): string {
  return path
    .replace(/^\/api\/v1\/campaigns\/\{id\}/, `/api/v1/campaigns/${campaignId}`)
    .replace('{id}', randomUUID())
    .replace('{year}', String(YEAR))
    .replace('{unitCode}', 'ST01')
    .replace('{code}', 'ST01')
    .replace('{localityId}', '1')
    .replace('{respondentId}', randomUUID())
    .replace('{token}', randomBytes(32).toString('base64url'));
}

/** Routes in the OpenAPI document; the ones that end a session or a campaign last. */
function documentedRoutes(): Array<{ method: string; path: string }> {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
  const late = (r: { path: string }) => (r.path.endsWith('/logout') ? 2 : r.path.endsWith('/close') ? 1 : 0);
  return routes.sort((a, b) => late(a) - late(b));
}

beforeAll(async () => {
  t = await buildTestApp();
  campaignId = await campaign(`Ma trận ${randomUUID()}`, YEAR, 'Ủy ban MTTQ tỉnh');
  await campaign(`Ma trận khác ${randomUUID()}`, YEAR - 1, 'Hội Cựu chiến binh tỉnh');
  headers.anonymous = {};
  headers.forgedCookie = { cookie: `hl_session=${randomBytes(32).toString('base64url')}` };
  headers.expiredCookie = { cookie: await expiredCookie() };
  headers.kioskToken = { authorization: `Bearer ${await kioskToken()}` };
  headers.enumerator = { cookie: await account('/api/v1/enumerators', 'Bưu điện tỉnh') };
  headers.observer = { cookie: await account('/api/v1/supervisors', 'Ủy ban MTTQ tỉnh', 'observer') };
  headers.supervisor = { cookie: await account('/api/v1/supervisors', 'Ủy ban MTTQ tỉnh', 'supervisor') };
  headers.otherSupervisor = { cookie: await account('/api/v1/supervisors', 'Hội Cựu chiến binh tỉnh', 'supervisor') };
  headers.focalPoint = { cookie: await focalPoint('ST01') };
  headers.admin = { cookie: t.adminCookie };
}, 60_000);
afterAll(async () => t?.close());

describe('route × identity matrix', () => {
  it('classifies every documented route', () => {
    const unclassified = documentedRoutes()
      .map((r) => `${r.method} ${r.path}`)
      .filter((k) => !(k in ACCESS));
    expect(unclassified).toEqual([]);
  });

  it('lists to a supervisor only the campaigns, and the kiosks, of what their organisation supervises', async () => {
    const list = async (who: Identity, url: string) =>
      (await t.app.inject({ url, headers: headers[who] })).json<Record<string, Array<{ id: string }>>>();
    expect((await list('supervisor', '/api/v1/campaigns')).campaigns?.map((c) => c.id)).toEqual([campaignId]);
    expect((await list('otherSupervisor', '/api/v1/campaigns')).campaigns?.map((c) => c.id)).not.toContain(campaignId);
    expect((await list('observer', '/api/v1/kiosks')).kiosks?.length).toBeGreaterThan(0);
    expect((await list('otherSupervisor', '/api/v1/kiosks')).kiosks).toEqual([]);
  });

  it('answers each identity with the expected class on every route, before reading the body', async () => {
    const wrong: string[] = [];
    for (const r of documentedRoutes()) {
      const access = ACCESS[`${r.method} ${r.path}`];
      if (!access) continue;
      for (const who of IDENTITIES) {
        const hasBody = r.method !== 'GET' && r.method !== 'DELETE';
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: urlFor(r.path),
          headers: { ...headers[who], ...(hasBody ? { 'content-type': 'application/json' } : {}) },
          ...(hasBody ? { payload: '{}' } : {}),
        });
        const want = expected(access, who);
        const s = res.statusCode;
        const code = s >= 400 ? (res.json<{ error?: { code?: string } }>().error?.code ?? '(no catalogue code)') : '';
        const ok =
          want === 'unauthenticated'
            ? s === 401 && ['UNAUTHENTICATED', 'DEVICE_UNAUTHORIZED'].includes(code)
            : want === 'denied'
              ? (s === 403 || s === 404) && code !== 'VALIDATION_FAILED'
              : want === 'served'
                ? s !== 401 && s !== 403 && s < 500
                : s < 500 || (r.path === '/healthz' && s === 503); // /healthz reports a missing worker with 503 by contract
        if (!ok) wrong.push(`${r.method} ${r.path} as ${who}: ${s} ${code} (expected ${want})`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('checks every role: each one is an identity of the matrix', () => {
    // A new role must appear here (IDENTITIES, ROLE_OF) so no route skips it.
    expect([...userRoles].sort()).toEqual([...new Set(Object.values(ROLE_OF))].sort());
  });
});

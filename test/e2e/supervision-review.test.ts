/**
 * Issue 10 item 6 for supervision, in a real browser: a supervisor reviewing a flagged field form
 * reads where it was (hamlet, commune, district), what its flag means with its figures, and its
 * answers as Vietnamese question labels with the chosen answers' labels. A back-check shows the
 * re-contact details (place, the enumerator's note and email, the procedure) to the supervisor it
 * is assigned to; another supervisor sees who has it and nothing else; an observer sees neither
 * the answers nor any note.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';

let sys: TestSystem;
let browser: Browser;
let campaignId = '';
const PASSWORD = 'Giam-Sat-2026!';
const NOTE = 'Bà Tư, nhà cạnh chợ Mỹ Phước, SĐT 0912 345 678';

async function post(cookie: string, url: string, payload: object, status = 201): Promise<{ id: string }> {
  const res = await sys.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (res.statusCode !== status) throw new Error(`${url} ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Form 01 answered as an interviewer would: every rating 4, first options, "no" to yes/no, a procedure. */
async function answersOfForm01(cookie: string): Promise<Record<string, unknown>> {
  const res = await sys.app.inject({ method: 'GET', url: '/api/v1/enumerator/assignments', headers: { cookie } });
  const form = res
    .json<{
      assignments: Array<{
        forms: Array<{
          code: string;
          sections: Array<{ questions: Array<{ id: string; type: string; options?: Array<{ code: string }> }> }>;
        }>;
      }>;
    }>()
    .assignments[0]?.forms.find((f) => f.code === '01/2021-TT');
  const out: Record<string, unknown> = { PROCEDURE: 'Đăng ký khai sinh' };
  for (const q of form?.sections.flatMap((s) => s.questions) ?? []) {
    if (q.type === 'likert5') out[q.id] = 4;
    else if (q.type === 'yes_no') out[q.id] = false;
    else if (q.type === 'single_choice') out[q.id] = q.options?.[0]?.code;
    else if (q.type === 'multi_choice') out[q.id] = [q.options?.[0]?.code];
  }
  return out;
}

beforeAll(async () => {
  sys = await startTestSystem();
  browser = await journeyBrowser();
  const admin = await sys.sessionCookie();
  campaignId = (
    await post(admin, '/api/v1/campaigns', {
      kind: 'sipas',
      name: 'SIPAS giám sát',
      year: 2021,
      opensAt: '2020-01-01T00:00:00Z',
      closesAt: '2099-01-01T00:00:00Z',
    })
  ).id;
  const commune = await post(admin, '/api/v1/localities', { level: 'commune', unitCode: 'ST34', name: 'Xã Mỹ Hương' });
  const hamlet = await post(admin, '/api/v1/localities', { level: 'hamlet', parentId: commune.id, name: 'Ấp Mỹ Phước' });
  const enumerator = await post(admin, '/api/v1/enumerators', {
    fullName: 'Trần Văn Bảy',
    email: 'bay@buudien.vn',
    organisation: 'Bưu điện huyện Mỹ Tú',
    password: PASSWORD,
  });
  const assignment = await post(admin, `/api/v1/campaigns/${campaignId}/assignments`, {
    enumeratorId: enumerator.id,
    unitCode: 'ST34',
    quota: 27,
    localityId: hamlet.id,
  });
  const dtv = await sys.sessionCookie({ email: 'bay@buudien.vn', password: PASSWORD });
  const answers = await answersOfForm01(dtv);
  const form = {
    clientId: randomUUID(),
    assignmentId: assignment.id,
    formCode: '01/2021-TT',
    answers,
    startedAt: '2026-11-05T08:00:00+07:00',
    completedAt: '2026-11-05T08:02:00+07:00',
    note: NOTE,
  };
  await post(dtv, '/api/v1/enumerator/sync', { forms: [form] }, 200);
  for (const [fullName, email, organisation, role] of [
    ['Giám sát MTTQ', 'gs@mttq.vn', 'Ủy ban MTTQ tỉnh', 'supervisor'],
    ['Giám sát MTTQ hai', 'gs2@mttq.vn', 'Ủy ban MTTQ tỉnh', 'supervisor'],
    ['Quan sát CCB', 'qs@ccb.vn', 'Hội Cựu chiến binh tỉnh', 'observer'],
  ] as const)
    await post(admin, '/api/v1/supervisors', { fullName, email, organisation, role, password: PASSWORD });
  for (const organisation of ['Ủy ban MTTQ tỉnh', 'Hội Cựu chiến binh tỉnh'])
    await post(admin, `/api/v1/campaigns/${campaignId}/supervisors`, { organisation });
  await post(
    await sys.sessionCookie({ email: 'gs@mttq.vn', password: PASSWORD }),
    `/api/v1/campaigns/${campaignId}/back-checks/draw`,
    { share: 1 },
    200,
  );
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
});

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: sys.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`/supervision/${campaignId}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/Mật khẩu/).fill(PASSWORD);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.getByRole('heading', { name: /Giám sát điều tra/ }).waitFor();
  await page.locator('li[data-review]').first().waitFor();
  return page;
}

describe('supervision review and back-checks', () => {
  it("shows the assigned supervisor the flagged form's answers in words, its flag's explanation and the re-contact details", async () => {
    const page = await signIn('gs@mttq.vn');
    const item = page.getByRole('listitem', { name: 'Phiếu khảo sát trực tiếp – mẫu 01 · Trần Văn Bảy' });
    expect(await item.textContent()).toContain('Ấp Mỹ Phước, Xã Mỹ Hương, Huyện Mỹ Tú (ST34)');
    expect(await item.getByRole('list', { name: /Cờ tự động/ }).textContent()).toContain(
      'Phỏng vấn quá ngắn: 2 phút 0 giây, dưới mức tối thiểu 5 phút 0 giây của đợt',
    );

    await item.getByText(/^Xem câu trả lời/).click();
    const tc1 = item.locator('[data-question="TC1"]');
    expect(await tc1.locator('dt').textContent()).toBe('1. Nơi ngồi chờ tại Bộ phận Tiếp nhận và Trả kết quả có đủ chỗ ngồi');
    expect(await tc1.locator('dd').textContent()).toBe('4 · Hài lòng');
    expect(await item.locator('[data-question="V"] dd').textContent()).toBe('1 lần');
    expect(await item.locator('[data-question="HARASSMENT"] dd').textContent()).toBe('Không');
    expect(await item.locator('[data-question="PROCEDURE"] dd').textContent()).toBe('Đăng ký khai sinh');
    expect(await item.getByRole('region', { name: 'Tiếp cận dịch vụ' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    const check = page.locator('li[data-back-check]').first();
    expect(await check.textContent()).toContain('Giám sát viên phụ trách: bạn');
    const contact = check.getByRole('group', { name: /Thông tin liên hệ lại/ });
    expect(await contact.textContent()).toContain('Ấp Mỹ Phước, Xã Mỹ Hương, Huyện Mỹ Tú');
    expect(await contact.textContent()).toContain(NOTE);
    expect(await contact.textContent()).toContain('Đăng ký khai sinh');
    expect(await contact.getByRole('link', { name: 'bay@buudien.vn' }).count()).toBe(1);
    await check.getByLabel('Người dân xác nhận').check();
    await check.getByRole('button', { name: /Lưu kết quả/ }).click();
    await check.getByText('Kết quả: Người dân xác nhận').waitFor();
    await page.context().close();
  });

  it('shows another supervisor who has the back-check and no contact, and an observer neither answers nor notes', async () => {
    const other = await signIn('gs2@mttq.vn');
    const check = other.locator('li[data-back-check]').first();
    expect(await check.textContent()).toContain('Giám sát viên phụ trách: Giám sát MTTQ');
    expect(await check.getByRole('group', { name: /Thông tin liên hệ lại/ }).count()).toBe(0);
    expect(await check.getByRole('button', { name: /Lưu kết quả/ }).count()).toBe(0);
    expect(await other.locator('li[data-back-check]').textContent()).not.toContain('SĐT');
    await other.context().close();

    const observer = await signIn('qs@ccb.vn');
    const body = (await observer.locator('main').textContent()) ?? '';
    expect(body).toContain('Phỏng vấn quá ngắn');
    expect(body).not.toContain('Bà Tư');
    expect(body).not.toContain('Đăng ký khai sinh');
    expect(body).not.toContain('Giám sát viên phụ trách');
    expect(await observer.getByText(/^Xem câu trả lời/).count()).toBe(0);
    expect(await seriousViolations(observer)).toEqual([]);
    await observer.context().close();
  });
});

/**
 * A Sở Nội vụ officer's year, through the console only (the API is read only to check what the pages
 * show): the staff survey — create it, import respondents, preview and send the invitations (SMTP
 * sink), one civil servant answers, remind the others, a second reminder inside the gap sends to
 * nobody and says why — and the SIPAS survey — create it, open a unit's online-form poster, add and
 * pair a counter kiosk that takes a rating, a citizen answers form 02 on /o, an enumerator account
 * and assignment made on the fieldwork page, interviewed on /e — the SIPAS results and, after the
 * self-assessment import, the PAR table, whose figures equal the API's. Each page is kept as a
 * screenshot in test/e2e/artifacts/officer-year/.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkToken, startSmtpSink, type SmtpSink } from '../../api/test/staff-support.ts';
import { ADMIN } from '../support/build-app.ts';
import { PHONE } from '../support/browser.ts';
import { journeyBrowser } from '../support/shared-browser.ts';
import { startTestSystem, type TestSystem } from '../support/system.ts';
import { answerAll } from './field-fixtures.ts';

const ARTIFACTS = new URL('./artifacts/officer-year/', import.meta.url);
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const ENUMERATOR = {
  name: 'Lâm Thị Ngọc',
  email: 'ngoc.year@buudien.vn',
  organisation: 'Bưu điện huyện Mỹ Tú',
  password: 'Dtv-Pass-2026!',
};
const RESPONDENTS = [
  ['Lê Văn An', 'an.year@example.vn', 'ST02', 'T2'],
  ['Trần Thị Bình', 'binh.year@example.vn', 'ST02', 'T3'],
  ['Nguyễn Văn Cường', 'cuong.year@example.vn', 'ST16', 'T3'],
];

let sys: TestSystem;
let sink: SmtpSink;
let browser: Browser;
let officer: BrowserContext;
let page: Page;
let shot = 0;
const ids = { staff: '', sipas: '' };

/** Keeps the page as it looks now: `NN-name.png`. */
async function keep(p: Page, name: string): Promise<void> {
  shot += 1;
  await p.screenshot({ path: fileURLToPath(new URL(`${String(shot).padStart(2, '0')}-${name}.png`, ARTIFACTS)), fullPage: true });
}

/** dd/mm/yyyy `days` from today, Vietnam time. */
function vnDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 7 * 3_600_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

const vnPct = (n: number) =>
  `${new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n)}\u00a0%`;

async function readApi<T>(url: string): Promise<T> {
  const res = await sys.app.inject({ method: 'GET', url, headers: { cookie: await sys.sessionCookie() } });
  expect(res.statusCode).toBe(200);
  return res.json<T>();
}

async function createCampaign(kind: RegExp, name: string, shotName: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Đợt khảo sát' }).click();
  await page.getByRole('heading', { level: 1, name: 'Các đợt khảo sát' }).waitFor();
  await page.getByLabel(kind).check();
  await page.getByLabel('Tên đợt').fill(name);
  await page.getByLabel('Ngày kết thúc (ngày/tháng/năm)').fill(vnDay(30));
  await keep(page, shotName);
  await page.getByRole('button', { name: 'Tạo đợt khảo sát' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  return /\/admin\/campaigns\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
}

async function previewMail(button: string): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const preview = page.getByRole('group', { name: /^Xem trước thư/ });
  await preview.waitFor();
  return preview;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  sink = await startSmtpSink();
  sys = await startTestSystem({ smtpUrl: sink.url, worker: true });
  browser = await journeyBrowser();
  officer = await browser.newContext({ ...DESKTOP, baseURL: sys.baseUrl });
  page = await officer.newPage();
});
afterAll(async () => {
  await browser?.close();
  await sys?.close();
  await sink?.close();
});

describe("the officer's whole year in the console", () => {
  it('signs in and creates the staff survey with its respondents', async () => {
    await page.goto('/admin');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel(/Mật khẩu/).fill(ADMIN.password);
    await page.getByRole('button', { name: /Đăng nhập/ }).click();
    ids.staff = await createCampaign(
      /^Khảo sát cán bộ, công chức, viên chức/,
      'Khảo sát CBCCVC năm 2026',
      'create-staff-campaign',
    );
    const csv = `full_name,email,unit_code,respondent_group\n${RESPONDENTS.map((r) => r.join(',')).join('\n')}\n`;
    await page
      .getByLabel('Chọn tệp danh sách')
      .setInputFiles({ name: 'nguoi-tra-loi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Xem trước', exact: true }).click();
    await page.getByRole('button', { name: 'Nhập (3)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập 3 người trả lời.' }).waitFor();
    await keep(page, 'staff-imported');
  });

  it('previews the invitation, confirms it for 3 people and the mail arrives', async () => {
    const preview = await previewMail('Gửi thư mời');
    expect(await preview.getByTestId('mail-recipients').textContent()).toBe('Thư này sẽ được gửi tới 3 người.');
    expect(await preview.locator('pre').textContent()).toContain('Khảo sát CBCCVC năm 2026');
    await keep(page, 'invitation-preview');
    await preview.getByRole('button', { name: 'Xác nhận gửi tới 3 người' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã xếp hàng gửi 3 thư mời.' }).waitFor();
    await sink.waitFor(3, 60_000);
    expect(sink.mails.map((m) => m.to).sort()).toEqual(RESPONDENTS.map((r) => r[1]).sort());
  });

  it('one civil servant answers through the link in the mail', async () => {
    const mail = sink.mails.find((m) => m.to === RESPONDENTS[0]?.[1]);
    const token = linkToken(mail?.text ?? '');
    expect(token).toBeTruthy();
    const phone = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const p = await phone.newPage();
    await p.goto(`/s/${token}`);
    await p.getByText('Lê Văn An').waitFor();
    const questions = p.locator('fieldset.sf-question');
    for (let i = 0; i < (await questions.count()); i++) await questions.nth(i).locator('input[type=radio]').first().check();
    await p.getByRole('button', { name: 'Gửi phiếu khảo sát' }).click();
    await p.getByText('Cảm ơn anh/chị đã hoàn thành phiếu khảo sát').waitFor();
    await keep(p, 'staff-answered');
    await phone.close();
  });

  it('reminds the two who have not answered; a second reminder inside the gap goes to nobody and says why', async () => {
    let preview = await previewMail('Nhắc ngay');
    expect(await preview.getByTestId('mail-recipients').textContent()).toBe('Thư này sẽ được gửi tới 2 người.');
    expect(await preview.textContent()).toContain('đã trả lời: Lê Văn An');
    await preview.getByRole('button', { name: 'Xác nhận gửi tới 2 người' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã xếp hàng gửi 2 thư nhắc; bỏ qua 1 người.' }).waitFor();
    await sink.waitFor(5, 60_000);

    preview = await previewMail('Nhắc ngay');
    expect(await preview.getByTestId('mail-recipients').textContent()).toBe('Thư này sẽ được gửi tới 0 người.');
    expect(await preview.textContent()).toContain('đã được nhắc trong vòng 24 giờ qua');
    expect(await preview.getByRole('button', { name: 'Xác nhận gửi tới 0 người' }).isDisabled()).toBe(true);
    await keep(page, 'second-reminder-refused');
    await preview.getByRole('button', { name: 'Hủy' }).click();
    expect(sink.mails).toHaveLength(5);

    const rates = await readApi<{ overall: { rate: number } }>(`/api/v1/campaigns/${ids.staff}/response-rates`);
    await expect.poll(() => page.getByTestId('staff-rate').textContent(), { timeout: 15_000 }).toBe(vnPct(rates.overall.rate));
    await keep(page, 'staff-rates');
  });

  it('creates the SIPAS survey and opens a unit’s online-form poster', async () => {
    ids.sipas = await createCampaign(/^Khảo sát sự hài lòng SIPAS/, 'SIPAS năm 2026', 'create-sipas-campaign');
    await page.getByRole('heading', { name: 'Công việc của đợt SIPAS' }).waitFor();
    await keep(page, 'sipas-campaign');
    const posters = page.getByRole('region', { name: 'Áp phích phiếu trực tuyến (mã QR)' });
    await posters.getByLabel('Đơn vị').selectOption('ST34');
    await posters.getByRole('link', { name: 'Mở áp phích' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ông/Bà hài lòng với dịch vụ công trực tuyến?' }).waitFor();
    expect(await page.getByRole('img', { name: /Mã QR tới phiếu khảo sát/ }).getAttribute('alt')).toContain('/o/ST34');
    await keep(page, 'online-poster');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'SIPAS năm 2026' }).waitFor();
  });

  it('adds a counter kiosk, pairs a tablet with the code shown and takes a rating through /k', async () => {
    await page.getByRole('link', { name: /^Máy tính bảng tại quầy/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Máy tính bảng tại quầy' }).waitFor();
    await page.getByLabel('Đơn vị').selectOption('ST34');
    await page.getByLabel('Tên quầy').fill('Quầy một cửa số 1');
    await page.getByRole('button', { name: 'Tạo và lấy mã ghép nối' }).click();
    const url = (await page.getByTestId('pair-url').getAttribute('href')) ?? '';
    expect(url).toMatch(/\/k\?code=[A-Z0-9]{12}$/);
    await keep(page, 'kiosk-pairing-code');

    const tabletContext = await browser.newContext({ viewport: { width: 1280, height: 800 }, hasTouch: true });
    const tablet = await tabletContext.newPage();
    await tablet.clock.install();
    await tablet.goto(url);
    const tap = async (name: string) => {
      await tablet.getByRole('button', { name, exact: true }).click();
      await tablet.clock.runFor(1_100); // past the double-tap guard
    };
    await tap('Bắt đầu đánh giá');
    for (let i = 0; i < 5; i++) await tap('Hài lòng');
    await tablet.getByText('Xin cảm ơn Ông/Bà!').waitFor();
    await keep(tablet, 'kiosk-thanks');
    await tabletContext.close();
    const row = page.locator('tr', { has: page.getByRole('rowheader', { name: 'Quầy một cửa số 1' }) });
    await expect.poll(async () => (await row.locator('td').nth(6).textContent()) ?? '', { timeout: 15_000 }).toBe('1');
    await keep(page, 'kiosks');
  });

  it('a citizen answers form 02 on the online form /o', async () => {
    const phone = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const p = await phone.newPage();
    await p.goto('/o/ST34');
    const questions = p.locator('fieldset.sf-question');
    await p.getByRole('button', { name: 'Gửi phiếu' }).waitFor(); // shown once every section is in
    for (let i = 0; i < (await questions.count()); i++) {
      const q = questions.nth(i);
      const likert = q.getByText('4 · Hài lòng', { exact: true });
      await ((await likert.count()) > 0 ? likert : q.locator('.sf-option').first()).click();
    }
    await p.getByRole('button', { name: 'Gửi phiếu' }).click();
    await p.getByText('Xin cảm ơn Ông/Bà! Ý kiến đã được ghi nhận.').waitFor();
    await keep(p, 'online-form-thanks');
    await phone.close();
  });

  it('makes an enumerator account and an assignment on the fieldwork page; the interview is synced from /e', async () => {
    await page.goto(`/admin/campaigns/${ids.sipas}`);
    await page.getByRole('link', { name: /^Điều tra thực địa/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Điều tra thực địa: SIPAS năm 2026' }).waitFor();
    const account = page.getByRole('form', { name: 'Tạo một tài khoản' });
    await account.getByLabel('Họ và tên').fill(ENUMERATOR.name);
    await account.getByLabel('Email').fill(ENUMERATOR.email);
    await account.getByLabel('Tổ chức').fill(ENUMERATOR.organisation);
    await account.getByLabel(/Mật khẩu/).fill(ENUMERATOR.password);
    await account.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByRole('cell', { name: ENUMERATOR.email }).waitFor();
    const assign = page.getByRole('form', { name: /Giao địa bàn/ });
    await assign.getByLabel(/Điều tra viên/).selectOption({ label: `${ENUMERATOR.name} (${ENUMERATOR.organisation})` });
    await assign.getByLabel(/Đơn vị/).selectOption('ST34');
    await assign.getByLabel(/Chỉ tiêu/).fill('5');
    await assign.getByRole('button', { name: 'Giao', exact: true }).click();
    await page.locator('tr[data-assignment="ST34"]').waitFor();
    await keep(page, 'fieldwork');

    const phone = await browser.newContext({ ...PHONE, baseURL: sys.baseUrl });
    const p = await phone.newPage();
    await p.goto('/e');
    await p.getByLabel('Email').fill(ENUMERATOR.email);
    await p.getByLabel(/Mật khẩu/).fill(ENUMERATOR.password);
    await p.getByRole('button', { name: /Đăng nhập/ }).click();
    await p.getByRole('button', { name: 'Phỏng vấn: Phiếu khảo sát trực tiếp – mẫu 01' }).click();
    await answerAll(p);
    await p.getByRole('button', { name: 'Lưu phiếu vào máy' }).click();
    await p.getByRole('status').filter({ hasText: 'Đã lưu phiếu' }).waitFor();
    await p.getByRole('button', { name: /Đồng bộ/ }).click();
    await p.getByTestId('e-status').filter({ hasText: 'Đã gửi 1 phiếu mới' }).waitFor();
    await keep(p, 'enumerator-synced');
    await phone.close();
    await page.reload();
    await page.locator('tr[data-assignment="ST34"]').filter({ hasText: '1/5' }).waitFor();
  });

  it('reads the SIPAS results: the unit’s figures equal the API’s', async () => {
    await page.goto(`/admin/campaigns/${ids.sipas}`);
    await page.getByRole('link', { name: /^Kết quả SIPAS/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Kết quả: SIPAS năm 2026' }).waitFor();
    const api = await readApi<{ units: { unitCode: string; validResponses: number; suspectResponses: number }[] }>(
      `/api/v1/campaigns/${ids.sipas}/results`,
    );
    const st34 = api.units.find((u) => u.unitCode === 'ST34');
    expect(st34?.validResponses ?? 0).toBeGreaterThanOrEqual(2); // the kiosk rating and the online form at least
    const row = page.locator('tr[data-unit="ST34"]');
    expect(await row.locator('[data-col="valid"]').textContent()).toBe(String(st34?.validResponses));
    expect(await row.locator('[data-col="suspect"]').textContent()).toBe(String(st34?.suspectResponses));
    await keep(page, 'sipas-results');

    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Đợt khảo sát' }).click();
    await page.getByTestId(`headline-${ids.staff}`).waitFor();
    await keep(page, 'campaigns');
  });

  it('imports the self-assessment scores on the PAR page and reads the table as GET /api/v1/par/:year has it', async () => {
    const year = new Date().getFullYear(); // the year both campaigns were created for (the form's default)
    await page.getByRole('navigation', { name: 'Quản trị' }).getByRole('link', { name: 'Chỉ số CCHC', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Chỉ số cải cách hành chính năm ${year}` }).waitFor();
    const scores = ['unit_code,self_assessment,max_points', 'ST02,52.50,90.00', 'ST16,48.00,94.00', 'ST34,41.00,93.75'].join(
      '\n',
    );
    await page
      .getByLabel('Chọn tệp điểm tự đánh giá (.csv, .xlsx)')
      .setInputFiles({ name: 'tu-danh-gia.csv', mimeType: 'text/csv', buffer: Buffer.from(scores) });
    await page.getByRole('button', { name: 'Kiểm tra (chạy thử)' }).click();
    await page.getByRole('status').filter({ hasText: 'Tệp hợp lệ: 3 dòng sẽ được nhập' }).waitFor();
    await page.getByRole('button', { name: 'Nhập điểm (3)' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã nhập điểm của 3 đơn vị.' }).waitFor();

    const api = await readApi<{
      units: { unitCode: string; indexPercent: number; band: number }[];
      incomplete: { unitCode: string; missing: string[] }[];
    }>(`/api/v1/par/${year}`);
    const summary = page.getByTestId('par-summary');
    await summary.filter({ hasText: `${api.units.length} đơn vị đủ dữ liệu` }).waitFor();
    if (api.incomplete.length > 0)
      expect(await summary.textContent()).toContain(`${api.incomplete.length} đơn vị còn thiếu dữ liệu`);
    const grid = page.getByTestId('par-table');
    for (const u of api.units) {
      const text = (await grid.locator(`tr[data-unit="${u.unitCode}"]`).textContent()) ?? '';
      expect(text).toContain(vnPct(u.indexPercent).replace('\u00a0%', ''));
      expect(text).toContain(`Nhóm ${u.band}`);
    }
    // A unit the year's surveys do not cover yet is shown with what it lacks, never as zero.
    for (const u of api.incomplete.filter((x) => ['ST02', 'ST16', 'ST34'].includes(x.unitCode))) {
      expect(await grid.locator(`tr[data-unit="${u.unitCode}"]`).textContent()).toContain('Chưa tính được:');
    }
    await keep(page, 'par-table');
  });
});

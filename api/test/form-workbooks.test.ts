/**
 * Forms as data through HTTP on a real database: a shipped form exported as an XLSForm-style
 * workbook, edited into a new version, imported (dry run, all or nothing), served by the online
 * form without a code change, and frozen once answered.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sheetsWorkbook } from '@hailong/api';
import type { FormImportResult, FormList, FormWorkbookError } from '@hailong/contracts';
import { findForm } from '@hailong/forms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';
import { addQuestion, readSheets, setSetting } from '../../test/support/form-workbook-edits.ts';
import { openSipasCampaign } from './kiosk-fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
describe('form workbooks', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(async () => t.close());

  const download = async (code: string, version?: number) => {
    const q = new URLSearchParams({ code, ...(version ? { version: String(version) } : {}) });
    const res = await t.app.inject({ url: `/api/v1/forms/workbook.xlsx?${q.toString()}`, headers: { cookie: t.adminCookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    return res.rawPayload;
  };
  const upload = (body: Buffer, query = '') =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/forms.xlsx${query}`,
      headers: { cookie: t.adminCookie, 'content-type': XLSX },
      payload: body,
    });
  const list = async () =>
    (await t.app.inject({ url: '/api/v1/forms', headers: { cookie: t.adminCookie } })).json<FormList>().forms;

  it('exports a shipped form and importing the file back changes nothing', async () => {
    const file = await download('02/2021-DVCTT');
    const sheets = await readSheets(file);
    expect(Object.keys(sheets)).toEqual(['survey', 'choices', 'settings', 'scoring']);
    expect(sheets.survey?.[0]?.slice(0, 8)).toEqual([
      'type',
      'name',
      'label::vi',
      'label::en',
      'hint::vi',
      'hint::en',
      'required',
      'relevant',
    ]);
    expect(sheets.survey?.find((r) => r[1] === 'APOLOGY')?.[7]).toBe("${RESULT_TIME} = 'late'");
    const res = await upload(file);
    expect(res.statusCode).toBe(200);
    expect(res.json<FormImportResult>()).toMatchObject({
      ok: true,
      action: 'unchanged',
      form: { code: '02/2021-DVCTT', version: 2 },
    });
  });

  it('imports a new version beside the old one; the online form serves it and it is frozen once answered', async () => {
    const sheets = await readSheets(await download('02/2021-DVCTT', 2));
    setSetting(sheets, 'version', '3');
    addQuestion(sheets, 'TC', {
      type: 'select_one likert5_na',
      name: 'TC5',
      'label::vi': 'Có mã QR để đánh giá ngay sau khi nộp hồ sơ',
      'label::en': 'A QR code lets you rate right after filing',
      required: 'yes',
      sipas_component: 'TC',
      example: '5',
    });
    const file = await sheetsWorkbook(sheets);
    const dry = await upload(file, '?dryRun=1');
    expect(dry.json<FormImportResult>()).toMatchObject({ dryRun: true, ok: true, action: 'created', form: { version: 3 } });
    expect((await list()).filter((f) => f.code === '02/2021-DVCTT').map((f) => f.version)).toEqual([2]);

    const res = await upload(file);
    expect(res.json<FormImportResult>()).toMatchObject({ dryRun: false, action: 'created', form: { version: 3 } });
    expect((await list()).filter((f) => f.code === '02/2021-DVCTT').map((f) => [f.version, f.inUse])).toEqual([
      [3, false],
      [2, false],
    ]);

    await openSipasCampaign(t);
    const page = (await t.app.inject({ url: '/api/v1/o/ST34' })).json<{
      form: { version: number; sections: { questions: { id: string }[] }[] };
    }>();
    expect(page.form.version).toBe(3);
    expect(page.form.sections.flatMap((s) => s.questions.map((q) => q.id))).toContain('TC5');
    const answers = { ...findForm('02/2021-DVCTT')?.example, TC5: 5 };
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/o/ST34/responses',
      payload: { clientId: randomUUID(), formCode: '02/2021-DVCTT', answers },
    });
    expect(sent.statusCode).toBe(201);
    expect((await list()).find((f) => f.code === '02/2021-DVCTT' && f.version === 3)?.inUse).toBe(true);

    addQuestion(sheets, 'TC', { type: 'text', name: 'TC6', 'label::vi': 'Khác', 'label::en': 'Other' });
    const changed = await upload(await sheetsWorkbook(sheets));
    expect([changed.statusCode, changed.json<{ error: { code: string } }>().error.code]).toEqual([409, 'FORM_IN_USE']);
    setSetting(sheets, 'version', '4');
    expect((await upload(await sheetsWorkbook(sheets))).json<FormImportResult>().action).toBe('created');
  });

  it('the shipped SIPAS 2024 workbook holds the 9 components, the perception and 10 expectation items, and imports unchanged', async () => {
    const file = await readFile(new URL('../../packages/forms/workbooks/SIPAS-2024.xlsx', import.meta.url));
    const sheets = await readSheets(file);
    const scoring = sheets.scoring ?? [];
    expect(scoring.filter((r) => r[0] === 'component').map((r) => r[2])).toEqual([
      'Tiếp cận dịch vụ',
      'Thủ tục hành chính',
      'Công chức trực tiếp giải quyết công việc',
      'Kết quả giải quyết thủ tục hành chính',
      'Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị',
      'Trách nhiệm giải trình của cơ quan có thẩm quyền về chính sách',
      'Sự tham gia của người dân vào xây dựng và tổ chức thực hiện chính sách',
      'Chất lượng tổ chức thực hiện chính sách',
      'Kết quả, tác động của chính sách',
    ]);
    expect(scoring.filter((r) => r[0] === 'expectation').map((r) => r[5])).toEqual(Array(10).fill('rat_nhieu'));
    expect(scoring.filter((r) => r[0] === 'perception').map((r) => r[2])).toEqual(
      expect.arrayContaining(['Công chức gây phiền hà, sách nhiễu', 'Phải chi thêm tiền ngoài quy định']),
    );
    const res = await upload(file);
    expect(res.json<FormImportResult>()).toMatchObject({
      ok: true,
      action: 'unchanged',
      form: { code: 'SIPAS/2024', version: 1, questions: 48 },
    });
  });

  it('refuses a workbook with errors with 400 naming each cell, and stores nothing', async () => {
    const sheets = await readSheets(await download('01/2021-TT'));
    const code = `TEST-${randomUUID().slice(0, 8)}`;
    setSetting(sheets, 'form_id', code);
    addQuestion(sheets, 'TC', { type: 'note', name: 'N1', 'label::vi': 'Ghi chú', 'label::en': 'Note' });
    addQuestion(sheets, 'TT', {
      type: 'select_one yes_no',
      name: 'X1',
      'label::vi': 'Hỏi thêm',
      'label::en': 'More',
      relevant: '${TC1} > 3',
    });
    const file = await sheetsWorkbook(sheets);
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: FormWorkbookError[] } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    const noteRow = (sheets.survey ?? []).findIndex((r) => r[1] === 'N1') + 1;
    const xRow = (sheets.survey ?? []).findIndex((r) => r[1] === 'X1') + 1;
    expect(body.error.details.map((e) => e.cell)).toEqual([`survey!A${noteRow}`, `survey!H${xRow}`]);
    expect(body.error.details[0]?.message).toMatch(/không được hỗ trợ/);
    expect(body.error.details[1]?.messageEn).toMatch(/Unsupported expression/);
    const dry = await upload(file, '?dryRun=1');
    expect(dry.json<FormImportResult>()).toMatchObject({ ok: false, action: null, errors: body.error.details });
    expect((await list()).some((f) => f.code === code)).toBe(false);
  });

  it('answers 415 to a non-XLSX body, 400 to an unreadable file and 404 to an unknown form', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/forms.xlsx',
      headers: { cookie: t.adminCookie, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(text.statusCode).toBe(415);
    const broken = await upload(Buffer.from('not a workbook'));
    expect([broken.statusCode, broken.json<{ error: { code: string } }>().error.code]).toEqual([400, 'IMPORT_INVALID']);
    const missing = await t.app.inject({ url: '/api/v1/forms/workbook.xlsx?code=NOPE', headers: { cookie: t.adminCookie } });
    expect(missing.statusCode).toBe(404);
  });
});

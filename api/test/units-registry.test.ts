/**
 * The unit registry over time through HTTP: the seeded 2021 Sóc Trăng registry, a reorganisation
 * file merging it into the 2026 Cần Thơ city (departments merged, districts split into communes and
 * wards, a rename before the merger), all-or-nothing imports with per-row errors, dry runs, lineage,
 * XLSX uploads, the audit trail and idempotent seeding afterwards.
 */
import { readFileSync } from 'node:fs';
import type { Unit, UnitLineage } from '@hailong/contracts';
import { schema, seed } from '@hailong/db';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/support/build-app.ts';

const FIXTURE = readFileSync(new URL('../../test/fixtures/units/soctrang-to-cantho-2026.csv', import.meta.url), 'utf8');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('unit registry over time', () => {
  let t: TestApp;
  beforeAll(async () => (t = await buildTestApp()));
  afterAll(async () => t.close());

  const post = (body: string | Buffer, dryRun: boolean, type = 'text/csv', cookie = t.adminCookie) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/units/events?dryRun=${dryRun}`,
      headers: { cookie, 'content-type': type },
      payload: body,
    });
  const unitsOn = async (day: string): Promise<Map<string, Unit>> => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/units?asOf=${day}` });
    expect(res.statusCode).toBe(200);
    return new Map(res.json<{ units: Unit[] }>().units.map((u) => [u.code, u]));
  };
  const lineage = async (code: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/units/${code}/lineage` })).json<UnitLineage>();

  it('lists the 40 seeded 2021 units of Sóc Trăng with kinds as data', async () => {
    const u2021 = await unitsOn('2021-11-01');
    expect(u2021.size).toBe(40);
    expect(u2021.get('ST34')).toMatchObject({
      name: 'Huyện Mỹ Tú',
      group: 'district',
      tier: 'district',
      provinceCode: 'ST',
      validTo: null,
    });
    const kinds = (await t.app.inject({ method: 'GET', url: '/api/v1/units/kinds' })).json<{
      kinds: { code: string; tier: string }[];
    }>().kinds;
    expect(kinds.map((k) => k.code).sort()).toEqual([
      'central_agency',
      'commune',
      'department',
      'district',
      'public_service_unit',
      'special_zone',
      'ward',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units?asOf=2021-02-30' })).statusCode).toBe(400);
  });

  it('refuses a file with one bad row: 400 with the row and column, nothing applied', async () => {
    const bad = FIXTURE.replace('merge,ST14,CT14', 'merge,ST14;ST99,CT14').replace(
      'split,ST31,CTX04;CTX05,Xã Cù Lao Dung;Xã An Thạnh,commune,2025-07-01',
      'split,ST31,CTX04;CTX05,Xã Cù Lao Dung;Xã An Thạnh,commune,2025-13-01',
    );
    const res = await post(bad, false);
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: { code: string; details: { row: number; column: string; messageEn: string }[] } }>();
    expect(body.error.code).toBe('IMPORT_INVALID');
    expect(body.error.details.map((d) => [d.row, d.column])).toEqual([
      [12, 'from_codes'],
      [26, 'effective_date'],
    ]);
    expect(body.error.details[0]?.messageEn).toContain('ST99');
    const after = await unitsOn('2026-01-01');
    expect(after.has('ST14') && !after.has('CT01')).toBe(true);
    const events = await t.app.db.select().from(schema.unitEvents);
    expect(events).toHaveLength(0);
  });

  it('dry run reports what the file does and changes nothing', async () => {
    const res = await post(FIXTURE, true);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: true, applied: 34 });
    expect(res.json<{ created: string[] }>().created).toHaveLength(22 + 6 + 22);
    expect((await unitsOn('2026-01-01')).has('CT05')).toBe(false);
  });

  it('applies the file: 2021 keeps 2021 units and names, 2026 lists only the city units', async () => {
    const res = await post(FIXTURE, false);
    expect([res.statusCode, res.json<{ applied: number }>().applied]).toEqual([200, 34]);
    const u2021 = await unitsOn('2021-11-01');
    expect([...u2021.keys()].every((c) => c.startsWith('ST'))).toBe(true);
    expect(u2021.size).toBe(40);
    expect(u2021.get('ST26')?.name).toBe('Cục Thuế');
    expect((await unitsOn('2025-05-01')).get('ST26')?.name).toBe('Thuế tỉnh Sóc Trăng');
    expect((await unitsOn('2025-06-30')).get('ST26')?.validTo).toBe('2025-06-30');
    const u2026 = await unitsOn('2026-01-01');
    expect([...u2026.keys()].some((c) => c.startsWith('ST'))).toBe(false);
    expect(u2026.size).toBe(22 + 6 + 22);
    expect(u2026.get('CTP02')).toMatchObject({
      name: 'Phường Phú Lợi',
      group: 'ward',
      tier: 'commune',
      parGroup: 'commune',
      provinceCode: 'CT',
    });
    expect(u2026.get('CT05')).toMatchObject({ group: 'department', validFrom: '2025-07-01' });
  });

  it('traces lineage: a merger back to its predecessors, a split forward to its successors, a rename in the history', async () => {
    const merged = await lineage('CT05');
    expect(merged.predecessors.map((p) => [p.code, p.event, p.effectiveDate])).toEqual([
      ['ST05', 'merge', '2025-07-01'],
      ['ST16', 'merge', '2025-07-01'],
    ]);
    expect(merged.successors).toEqual([]);
    const split = await lineage('ST38');
    expect(split.successors.map((s) => [s.code, s.name, s.event])).toEqual([
      ['CTP02', 'Phường Phú Lợi', 'split'],
      ['CTP03', 'Phường Sóc Trăng', 'split'],
    ]);
    expect(split.validTo).toBe('2025-06-30');
    const tax = await lineage('st26');
    expect(tax.history.map((h) => [h.validFrom, h.name, h.event])).toEqual([
      ['2000-01-01', 'Cục Thuế', null],
      ['2025-03-01', 'Thuế tỉnh Sóc Trăng', 'rename'],
    ]);
    expect(tax.successors.map((s) => s.code)).toEqual(['CT26']);
    expect((await lineage('CT26')).predecessors[0]).toMatchObject({ code: 'ST26', name: 'Thuế tỉnh Sóc Trăng' });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/units/ZZ99/lineage' })).statusCode).toBe(404);
  });

  it('refuses the same file again (its units have ended) and audits the import once', async () => {
    const again = await post(FIXTURE, false);
    expect(again.statusCode).toBe(400);
    const audit = await t.app.db.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'unit_events.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ applied: 34 });
  });

  it('takes an XLSX upload (rename, transfer under a parent, dissolve) and only from an admin', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sự kiện');
    ws.addRow(['event', 'from_codes', 'to_codes', 'name', 'group', 'effective_date', 'basis']);
    ws.addRow(['rename', 'CTX01', 'CTX01', 'Xã Châu Thành A', '', '01/01/2026', 'NQ 5/2026']);
    ws.addRow(['transfer', 'CTX02', 'CTX01', '', '', '2026-01-01', 'QĐ 6/2026']);
    ws.addRow(['dissolve', 'CTX03', '', '', '', '2026-02-01', 'QĐ 7/2026']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const observer = await post(data, false, XLSX, '');
    expect(observer.statusCode).toBe(401);
    const res = await post(data, false, XLSX);
    expect([res.statusCode, res.json<{ applied: number }>().applied]).toEqual([200, 3]);
    const jan = await unitsOn('2026-01-15');
    expect(jan.get('CTX01')?.name).toBe('Xã Châu Thành A');
    expect(jan.get('CTX02')?.parentCode).toBe('CTX01');
    expect((await unitsOn('2025-12-31')).get('CTX01')?.name).toBe('Xã Châu Thành');
    expect((await unitsOn('2026-02-01')).has('CTX03')).toBe(false);
    expect(
      (await post('not,a,header\n1,2,3\n', false))
        .json<{ error: { details: { column: string }[] } }>()
        .error.details.map((d) => d.column),
    ).toContain('event');
  });

  it('seeding again changes nothing after the reorganisation', async () => {
    const result = await seed(t.app.db);
    expect(result.unitsInserted).toBe(0);
    expect((await unitsOn('2021-11-01')).get('ST26')?.name).toBe('Cục Thuế');
    expect((await unitsOn('2026-01-01')).has('ST01')).toBe(false);
  });
});

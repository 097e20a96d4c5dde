/**
 * Applies parsed reorganisation rows one after the other inside the caller's transaction, checking
 * each against the registry as the rows before it left it (a later row may rename a unit an earlier
 * row created). A row with a problem is reported and skipped; the caller rolls everything back when
 * any row had one, so a file applies whole or not at all.
 *
 *   rename    X → X        new name (and kind, if given) from the effective date
 *   merge     A;B → C      A and B end the day before; C is created (name, group) or, if it exists, absorbs them
 *   split     A → B;C      B and C are created (names positional) or exist; A ends unless it is one of them
 *   transfer  A;B → P      A and B move under parent P (empty: directly under the province)
 *   dissolve  A;B →        A and B end the day before
 */
import type { UnitEventError } from '@hailong/contracts';
import type { Tx } from '@hailong/db';
import type { EventRow } from './event-parse.ts';
import * as events from './event-repo.ts';
import { findProvince, findRegistryUnit, type RegistryUnit } from './registry-repo.ts';

export interface ApplyContext {
  tx: Tx;
  importId: string;
  kinds: ReadonlySet<string>;
  errors: UnitEventError[];
  created: string[];
}

type Check = (ok: boolean, column: string, vi: string, en: string) => boolean;

function checker(ctx: ApplyContext, row: number): Check {
  return (ok, column, message, messageEn) => {
    if (!ok) ctx.errors.push({ row, column, message, messageEn });
    return ok;
  };
}

const validOn = (u: RegistryUnit, day: string) => u.validFrom <= day && (u.validTo === null || u.validTo >= day);
const endable = (u: RegistryUnit, day: string) => u.validTo === null && u.validFrom < day;

/** Looks up codes; every problem is reported. `mode` says what the event does to them. */
async function existing(
  ctx: ApplyContext,
  r: EventRow,
  codes: string[],
  column: string,
  mode: 'end' | 'change' | 'refer',
): Promise<RegistryUnit[] | null> {
  const ok = checker(ctx, r.row);
  const found: RegistryUnit[] = [];
  let good = true;
  for (const code of codes) {
    const u = await findRegistryUnit(ctx.tx, code);
    if (!ok(u !== undefined, column, `Không có đơn vị mã "${code}"`, `No unit has code "${code}"`) || !u) {
      good = false;
      continue;
    }
    const day = r.effectiveDate;
    if (mode === 'end')
      good =
        ok(
          endable(u, day),
          column,
          `Đơn vị "${code}" không còn hiệu lực trước ngày ${day}`,
          `Unit "${code}" is not in force before ${day}`,
        ) && good;
    else
      good =
        ok(
          validOn(u, day),
          column,
          `Đơn vị "${code}" không có hiệu lực vào ngày ${day}`,
          `Unit "${code}" is not in force on ${day}`,
        ) && good;
    if (mode === 'change')
      good =
        ok(
          u.lastChange < day,
          column,
          `Đơn vị "${code}" đã có thay đổi từ ngày ${u.lastChange}; ngày hiệu lực phải sau đó`,
          `Unit "${code}" already changed on ${u.lastChange}; the effective date must be later`,
        ) && good;
    found.push(u);
  }
  return good ? found : null;
}

function kindOk(ctx: ApplyContext, r: EventRow, group: string | undefined, required: boolean): boolean {
  const ok = checker(ctx, r.row);
  if (group === undefined)
    return ok(!required, 'group', 'Thiếu loại đơn vị (group) cho đơn vị mới', 'The new unit needs a kind (group)');
  return ok(ctx.kinds.has(group), 'group', `Loại đơn vị "${group}" không có trong danh mục`, `Unknown unit kind "${group}"`);
}

async function provinceOf(ctx: ApplyContext, r: EventRow, fallback: number): Promise<number | null> {
  if (r.province === null) return fallback;
  const p = await findProvince(ctx.tx, r.province);
  checker(ctx, r.row)(
    p !== undefined,
    'province',
    `Không có tỉnh/thành phố mã "${r.province}"`,
    `No province has code "${r.province}"`,
  );
  return p?.id ?? null;
}

interface Target {
  code: string;
  unit: RegistryUnit | null;
  name: string | undefined;
  group: string | undefined;
}

/** Targets of a merge or split: existing units in force, or new codes with a name and a kind. */
async function targets(ctx: ApplyContext, r: EventRow): Promise<Target[] | null> {
  const ok = checker(ctx, r.row);
  const out: Target[] = [];
  let good = ok(
    r.names.length <= 1 || r.names.length === r.toCodes.length,
    'name',
    'Số tên phải bằng số mã mới (phân cách bằng ;)',
    'Give one name per new code (separated by ;)',
  );
  good =
    ok(
      r.groups.length <= 1 || r.groups.length === r.toCodes.length,
      'group',
      'Số loại phải bằng số mã mới, hoặc một loại cho tất cả',
      'Give one kind per new code, or one for all',
    ) && good;
  for (const [i, code] of r.toCodes.entries()) {
    const name = r.names.length === 1 && r.toCodes.length === 1 ? r.names[0] : r.names[i];
    const group = r.groups.length === 1 ? r.groups[0] : r.groups[i];
    const unit = (await findRegistryUnit(ctx.tx, code)) ?? null;
    if (unit) {
      const kept = r.fromCodes.includes(code) || validOn(unit, r.effectiveDate);
      good =
        ok(
          kept,
          'to_codes',
          `Đơn vị "${code}" đã có nhưng không có hiệu lực vào ngày ${r.effectiveDate} (mã không được dùng lại)`,
          `Unit "${code}" exists but is not in force on ${r.effectiveDate} (codes are never reused)`,
        ) && good;
      if (group !== undefined) good = kindOk(ctx, r, group, false) && good;
      if (name !== undefined || group !== undefined)
        good =
          ok(
            unit.lastChange < r.effectiveDate,
            'to_codes',
            `Đơn vị "${code}" đã có thay đổi từ ngày ${unit.lastChange}`,
            `Unit "${code}" already changed on ${unit.lastChange}`,
          ) && good;
    } else {
      good = ok(name !== undefined, 'name', `Thiếu tên cho đơn vị mới "${code}"`, `The new unit "${code}" needs a name`) && good;
      good = kindOk(ctx, r, group, true) && good;
    }
    out.push({ code, unit, name, group });
  }
  return good ? out : null;
}

async function createOrChange(ctx: ApplyContext, r: EventRow, t: Target, provinceId: number, eventId: number): Promise<number> {
  if (t.unit) {
    if (t.name !== undefined || t.group !== undefined)
      await events.addVersion(ctx.tx, t.unit.id, r.effectiveDate, { name: t.name, group: t.group }, eventId);
    return t.unit.id;
  }
  ctx.created.push(t.code);
  return events.createUnit(ctx.tx, {
    code: t.code,
    name: t.name ?? t.code,
    group: t.group ?? '',
    provinceId,
    validFrom: r.effectiveDate,
    eventId,
  });
}

const eventOf = (ctx: ApplyContext, r: EventRow) =>
  events.insertEvent(ctx.tx, { kind: r.event, effectiveDate: r.effectiveDate, basis: r.basis, importId: ctx.importId });

async function rename(ctx: ApplyContext, r: EventRow): Promise<void> {
  const [u] = (await existing(ctx, r, r.fromCodes, 'from_codes', 'change')) ?? [];
  const group = r.groups[0];
  if (!u || (group !== undefined && !kindOk(ctx, r, group, false))) return;
  const eventId = await eventOf(ctx, r);
  await events.addVersion(ctx.tx, u.id, r.effectiveDate, { name: r.names[0], group }, eventId);
  await events.insertLinks(ctx.tx, eventId, [{ from: u.id, to: u.id }]);
}

async function transfer(ctx: ApplyContext, r: EventRow): Promise<void> {
  const moved = await existing(ctx, r, r.fromCodes, 'from_codes', 'change');
  const parents = await existing(ctx, r, r.toCodes, 'to_codes', 'refer');
  const parent = parents?.[0] ?? null;
  if (
    !moved ||
    !parents ||
    !checker(ctx, r.row)(
      !parent || !r.fromCodes.includes(parent.code),
      'to_codes',
      'Đơn vị không thể trực thuộc chính nó',
      'A unit cannot be its own parent',
    )
  )
    return;
  const eventId = await eventOf(ctx, r);
  for (const u of moved) await events.addVersion(ctx.tx, u.id, r.effectiveDate, { parentId: parent?.id ?? null }, eventId);
  await events.insertLinks(
    ctx.tx,
    eventId,
    moved.map((u) => ({ from: u.id, to: u.id })),
  );
}

async function dissolve(ctx: ApplyContext, r: EventRow): Promise<void> {
  const ended = await existing(ctx, r, r.fromCodes, 'from_codes', 'end');
  if (!ended) return;
  const eventId = await eventOf(ctx, r);
  for (const u of ended) await events.endUnit(ctx.tx, u.id, r.effectiveDate);
  await events.insertLinks(
    ctx.tx,
    eventId,
    ended.map((u) => ({ from: u.id, to: null })),
  );
}

/** Merge (many → one) and split (one → many) share this: sources end unless they are also targets. */
async function reshape(ctx: ApplyContext, r: EventRow): Promise<void> {
  const sources = await existing(ctx, r, r.fromCodes, 'from_codes', 'end');
  const outs = await targets(ctx, r);
  const first = sources?.[0];
  const provinceId = first ? await provinceOf(ctx, r, first.provinceId) : null;
  if (!sources || !outs || provinceId === null) return;
  const eventId = await eventOf(ctx, r);
  const outIds: number[] = [];
  for (const t of outs) outIds.push(await createOrChange(ctx, r, t, provinceId, eventId));
  const links: { from: number; to: number }[] = [];
  for (const s of sources) {
    if (!r.toCodes.includes(s.code)) await events.endUnit(ctx.tx, s.id, r.effectiveDate);
    for (const to of outIds) if (to !== s.id) links.push({ from: s.id, to });
  }
  await events.insertLinks(ctx.tx, eventId, links);
}

const appliers = { rename, transfer, dissolve, merge: reshape, split: reshape } as const;

/** Applies one row; true when it was applied (no problem found). */
export async function applyRow(ctx: ApplyContext, r: EventRow): Promise<boolean> {
  const before = ctx.errors.length;
  await appliers[r.event](ctx, r);
  return ctx.errors.length === before;
}

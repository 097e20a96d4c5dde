/**
 * The sampling plan of a SIPAS campaign as the admin page shows it: per-unit targets with what has
 * been collected and validated so far, and the district → commune → hamlet (or, two-tier, commune-level
 * unit → village) tree with this campaign's
 * hamlet quotas (null = hamlet not sampled in this campaign).
 */
import { DEFAULT_HAMLET_QUOTA, type PlanDistrict, type SamplingPlan, type targetsInputSchema } from '@hailong/contracts';
import type { Db } from '@hailong/db';
import type { z } from 'zod';
import { AppError } from '../../errors.ts';
import { getCampaign } from '../campaigns/service.ts';
import { getLocality } from '../localities/service.ts';
import { campaignDay } from '../units/as-of.ts';
import * as repo from './repo.ts';
import { sampleSize } from './sample-size.ts';

export async function getSipasCampaign(db: Db, campaignId: string) {
  const campaign = await getCampaign(db, campaignId);
  if (campaign.kind !== 'sipas') throw new AppError('CAMPAIGN_NOT_SIPAS', { kind: campaign.kind });
  return campaign;
}

export function localityTree(rows: repo.LocalityTreeRow[]): PlanDistrict[] {
  const districts = new Map<string, PlanDistrict>();
  const communes = new Map<number, PlanDistrict['communes'][number]>();
  for (const r of rows) {
    const d = districts.get(r.unit_code) ?? {
      unitCode: r.unit_code,
      unitName: r.unit_name,
      tier: r.tier,
      communes: [],
      hamlets: [],
    };
    districts.set(r.unit_code, d);
    if (r.level === 'commune' && r.id !== null) {
      const c = { id: r.id, name: r.name ?? '', hamlets: [] };
      communes.set(r.id, c);
      d.communes.push(c);
    }
  }
  for (const r of rows) {
    if (r.level !== 'hamlet' || r.id === null) continue;
    const hamlet = { id: r.id, name: r.name ?? '', quota: r.quota, collected: r.collected };
    if (r.parent_id === null) districts.get(r.unit_code)?.hamlets.push(hamlet);
    else communes.get(r.parent_id)?.hamlets.push(hamlet);
  }
  return [...districts.values()];
}

export async function samplingPlan(db: Db, campaignId: string): Promise<SamplingPlan> {
  const day = campaignDay(await getCampaign(db, campaignId));
  const [unitRows, localityRows] = await Promise.all([
    repo.unitTargets(db, campaignId, day),
    repo.localityRows(db, campaignId, day),
  ]);
  const units = unitRows.map((u) => ({
    unitCode: u.code,
    unitName: u.name,
    group: u.group,
    target: u.target,
    dossiers: u.dossiers,
    collected: u.collected,
    valid: u.valid,
  }));
  const sum = (k: 'target' | 'collected' | 'valid') => units.reduce((s, u) => s + u[k], 0);
  const districts = localityTree(localityRows);
  // A commune-level unit's own villages count as one commune of the sample.
  const sampled = [...districts.flatMap((d) => d.communes.map((c) => c.hamlets)), ...districts.map((d) => d.hamlets)].map((hs) =>
    hs.filter((h) => h.quota !== null),
  );
  return {
    campaignId,
    defaultHamletQuota: DEFAULT_HAMLET_QUOTA,
    units,
    totals: { target: sum('target'), collected: sum('collected'), valid: sum('valid') },
    districts,
    localityTotals: {
      communes: sampled.filter((h) => h.length > 0).length,
      hamlets: sampled.flat().length,
      quota: sampled.flat().reduce((s, h) => s + (h.quota ?? 0), 0),
    },
  };
}

/** PUT /campaigns/:id/targets: upserts the listed units' targets (others stay). */
export async function setTargets(db: Db, campaignId: string, input: z.output<typeof targetsInputSchema>) {
  const byCode = await repo.unitsByCode(db, campaignDay(await getCampaign(db, campaignId)));
  const missing = input.targets.map((t) => t.unitCode).filter((c) => !byCode.has(c));
  if (missing.length > 0) throw new AppError('UNIT_UNKNOWN', { unitCodes: missing });
  const targets = input.targets.map((t) => ({
    unitCode: t.unitCode,
    target: t.target ?? sampleSize(t.dossiers ?? 0, input.margin),
    dossiers: t.target === undefined ? (t.dossiers ?? null) : null,
  }));
  await db.transaction(async (tx) =>
    repo.upsertTargets(
      tx,
      campaignId,
      targets.map((t) => ({ unitId: byCode.get(t.unitCode)?.id ?? 0, target: t.target, dossiers: t.dossiers })),
    ),
  );
  return {
    targets: targets.map(({ unitCode, target }) => ({ unitCode, target })),
    total: targets.reduce((s, t) => s + t.target, 0),
  };
}

export async function setHamletQuota(db: Db, campaignId: string, localityId: number, quota: number) {
  await getSipasCampaign(db, campaignId);
  const locality = await getLocality(db, localityId);
  if (locality.level !== 'hamlet') throw new AppError('LOCALITY_NOT_HAMLET', { localityId });
  await repo.upsertHamletQuota(db, campaignId, localityId, quota);
  return { localityId, quota };
}

export async function removeHamletQuota(db: Db, campaignId: string, localityId: number): Promise<void> {
  await getSipasCampaign(db, campaignId);
  await getLocality(db, localityId);
  await repo.deleteHamletQuota(db, campaignId, localityId);
}

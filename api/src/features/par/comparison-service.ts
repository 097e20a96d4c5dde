/** SIPAS of a year next to the previous year's, mapped through the unit lineage (comparison.ts). */
import type { SipasComparison } from '@hailong/contracts';
import type { DbOrTx } from '@hailong/db';
import { roundHalfUp, type SipasResult } from '@hailong/scoring';
import { campaignDay } from '../units/as-of.ts';
import { allReshapeLinks } from '../units/lineage-repo.ts';
import { previousFigure, type Figure, type Link } from './comparison.ts';
import { latestCampaign, yearReferenceDay } from './reference-day.ts';
import { campaignSipasResults, listUnits, type UnitRef } from './sipas-service.ts';

const figureOf = (unit: UnitRef, result: SipasResult | undefined): Figure => ({
  unitId: unit.id,
  unitCode: unit.code,
  unitName: unit.name,
  sipasPercent: result?.status === 'ok' ? result.sipasPercent : null,
  validForms: result?.validForms ?? 0,
});

async function figuresOf(
  db: DbOrTx,
  year: number,
  minCell: number,
): Promise<{ campaignId: string | null; day: string; figures: { unit: UnitRef; figure: Figure }[] }> {
  const campaign = await latestCampaign(db, 'sipas', year);
  if (!campaign) {
    const day = await yearReferenceDay(db, year);
    return {
      campaignId: null,
      day,
      figures: (await listUnits(db, day)).map((unit) => ({ unit, figure: figureOf(unit, undefined) })),
    };
  }
  const results = await campaignSipasResults(db, campaign, undefined, minCell);
  return {
    campaignId: campaign.id,
    day: campaignDay(campaign),
    figures: results.map(({ unit, result }) => ({ unit, figure: figureOf(unit, result) })),
  };
}

/** `minCell`: a unit's figure of fewer valid forms is not shown (SUPPRESS_MIN_CELL, docs/0015). */
export async function sipasComparison(db: DbOrTx, year: number, minCell: number): Promise<SipasComparison> {
  const current = await figuresOf(db, year, minCell);
  const before = await figuresOf(db, year - 1, minCell);
  const previous = new Map(before.campaignId ? before.figures.map((f) => [f.unit.id, f.figure]) : []);
  const linksTo = new Map<number, Link[]>();
  for (const l of await allReshapeLinks(db)) linksTo.set(l.toId, [...(linksTo.get(l.toId) ?? []), l]);
  const window = { after: before.day, upTo: current.day };
  const units = current.figures.map(({ unit, figure }) => {
    const prev = previousFigure(unit.id, previous, linksTo, window);
    const now = figure.sipasPercent === null ? null : roundHalfUp(figure.sipasPercent, 2);
    return {
      unitCode: unit.code,
      unitName: unit.name,
      group: unit.group,
      sipasPercent: now,
      validForms: figure.validForms,
      previous: prev,
      changePoints: now === null || prev.sipasPercent === null ? null : roundHalfUp(now - prev.sipasPercent, 2),
    };
  });
  return { year, previousYear: year - 1, campaignId: current.campaignId, previousCampaignId: before.campaignId, units };
}

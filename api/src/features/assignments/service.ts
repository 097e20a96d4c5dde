import {
  toPublicForm,
  type AssignmentCreate,
  type CampaignAssignment,
  type EnumeratorAssignment,
  type PublicForm,
} from '@hailong/contracts';
import { isUniqueViolation, type Db } from '@hailong/db';
import { AppError } from '../../errors.ts';
import { campaignStatus, getCampaign } from '../campaigns/service.ts';
import { findStoredForm } from '../forms/repo.ts';
import { deleteUnused, listCampaignAssignments, updateQuota } from './admin-repo.ts';
import { findEnumerator, findUnitByCode, insertAssignment, listEnumeratorAssignments } from './repo.ts';
import { channelFormCodes } from '../campaigns/channel-forms.ts';
import { placeOf } from '../localities/place.ts';

export async function createAssignment(db: Db, campaignId: string, input: AssignmentCreate): Promise<string> {
  await getCampaign(db, campaignId);
  const enumerator = await findEnumerator(db, input.enumeratorId);
  if (!enumerator || enumerator.role !== 'enumerator') throw new AppError('ENUMERATOR_UNKNOWN', { field: 'enumeratorId' });
  const unit = await findUnitByCode(db, input.unitCode);
  if (!unit) throw new AppError('UNIT_UNKNOWN', { field: 'unitCode' });
  try {
    return await insertAssignment(db, {
      campaignId,
      enumeratorId: enumerator.id,
      unitId: unit.id,
      localityId: input.localityId ?? null,
      quota: input.quota,
    });
  } catch (err) {
    if (isUniqueViolation(err, 'assignments_scope_key')) throw new AppError('ASSIGNMENT_EXISTS');
    if ((err as { cause?: { code?: string } }).cause?.code === '23503') throw new AppError('NOT_FOUND', { field: 'localityId' });
    throw err;
  }
}

/** The public forms an enumerator interviews with: the campaign's choice (01/2021-TT and 02/2021-DVCTT by default). */
export async function fieldForms(db: Db, codes: readonly string[]): Promise<PublicForm[]> {
  const out: PublicForm[] = [];
  for (const code of codes) {
    const f = await findStoredForm(db, code);
    if (f) out.push(toPublicForm(f.definition));
  }
  return out;
}

export async function enumeratorAssignments(db: Db, enumeratorId: string): Promise<EnumeratorAssignment[]> {
  const rows = await listEnumeratorAssignments(db, enumeratorId);
  const formsByCampaign = new Map<string, PublicForm[]>();
  for (const r of rows)
    if (!formsByCampaign.has(r.campaignId))
      formsByCampaign.set(r.campaignId, await fieldForms(db, channelFormCodes(r.campaign, 'field')));
  return rows.map((r) => ({
    id: r.id,
    campaignId: r.campaignId,
    campaignName: r.campaign.name,
    campaignStatus: campaignStatus(r.campaign),
    unitCode: r.unitCode,
    unitName: r.unitName,
    localityId: r.localityId,
    place: placeOf({
      locality_level: r.localityLevel,
      locality_name: r.localityName,
      parent_name: r.parentName,
      unit_group: r.unitGroup,
      unit_name: r.unitName,
      unit_tier: r.unitTier,
    }),
    quota: r.quota,
    collected: r.collected,
    forms: formsByCampaign.get(r.campaignId) ?? [],
  }));
}

export async function campaignAssignments(db: Db, campaignId: string): Promise<CampaignAssignment[]> {
  await getCampaign(db, campaignId);
  return listCampaignAssignments(db, campaignId);
}

/** A new quota may be below what was collected: the extra forms stay stored (already marked or not). */
export async function changeQuota(db: Db, id: string, quota: number) {
  const row = await updateQuota(db, id, quota);
  if (!row) throw new AppError('ASSIGNMENT_NOT_FOUND');
  return row;
}

export async function removeAssignment(db: Db, id: string): Promise<void> {
  const outcome = await deleteUnused(db, id);
  if (outcome === 'missing') throw new AppError('ASSIGNMENT_NOT_FOUND');
  if (outcome === 'has_forms') throw new AppError('ASSIGNMENT_HAS_FORMS');
}

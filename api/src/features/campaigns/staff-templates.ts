/**
 * The template each respondent group of a staff campaign answers (docs/0022). Nothing chosen = the
 * standard codes. Only stored staff forms of the same group may be chosen (an imported template under
 * a new code included); a group's template is fixed once an invitation of that group was sent, since
 * each invitation points to its form.
 */
import {
  staffTemplatesSchema,
  type CampaignStaffTemplates,
  type StaffGroup,
  type StaffTemplateOption,
  type StaffTemplates,
} from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { formDefinitionSchema, staffTemplate } from '@hailong/forms';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { listFormRows } from '../forms/repo.ts';
import { findCampaign, type CampaignRow } from './repo.ts';

export const STAFF_GROUPS: readonly StaffGroup[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

function defaultStaffTemplates(): StaffTemplates {
  const out = {} as StaffTemplates;
  for (const g of STAFF_GROUPS) out[g] = staffTemplate(g)?.code ?? '';
  return out;
}

/** The campaign's choice, or the standard codes. */
export function staffTemplatesOf(c: Pick<CampaignRow, 'staffTemplates'> | undefined): StaffTemplates {
  const chosen = staffTemplatesSchema.safeParse(c?.staffTemplates);
  return chosen.success ? chosen.data : defaultStaffTemplates();
}

/** The template code a group answers in a campaign (null for a group outside T1–T6). */
export function staffTemplateCode(c: Pick<CampaignRow, 'staffTemplates'> | undefined, group: string): string | null {
  return STAFF_GROUPS.includes(group as StaffGroup) ? staffTemplatesOf(c)[group as StaffGroup] || null : null;
}

/** Latest stored version of each staff form code, with its group. */
export async function staffTemplateOptions(db: DbOrTx): Promise<StaffTemplateOption[]> {
  const seen = new Set<string>();
  const out: StaffTemplateOption[] = [];
  for (const row of await listFormRows(db)) {
    if (seen.has(row.code) || row.kind !== 'staff') continue;
    seen.add(row.code);
    const def = formDefinitionSchema.parse(row.definition);
    const group = def.respondentGroup;
    if (!group || !STAFF_GROUPS.includes(group)) continue;
    out.push({ code: row.code, version: row.version, kind: row.kind, title: def.title, group });
  }
  return out;
}

async function invitedByGroup(db: DbOrTx, campaignId: string): Promise<CampaignStaffTemplates['invited']> {
  const { invitations, respondents } = schema;
  const rows = await db
    .select({ group: respondents.respondentGroup, n: sql<number>`count(*)::int` })
    .from(invitations)
    .innerJoin(respondents, eq(respondents.id, invitations.respondentId))
    .where(eq(invitations.campaignId, campaignId))
    .groupBy(respondents.respondentGroup);
  const out = { T1: 0, T2: 0, T3: 0, T4: 0, T5: 0, T6: 0 };
  for (const r of rows) out[r.group] = r.n;
  return out;
}

async function staffCampaign(db: DbOrTx, id: string): Promise<CampaignRow> {
  const c = await findCampaign(db, id);
  if (!c) throw new AppError('CAMPAIGN_NOT_FOUND');
  if (c.kind !== 'staff') throw new AppError('CAMPAIGN_NOT_STAFF');
  return c;
}

export async function campaignStaffTemplates(db: DbOrTx, id: string): Promise<CampaignStaffTemplates> {
  const c = await staffCampaign(db, id);
  const [options, invited] = await Promise.all([staffTemplateOptions(db), invitedByGroup(db, id)]);
  return { staffTemplates: staffTemplatesOf(c), options, invited };
}

export async function setStaffTemplates(
  db: Db,
  id: string,
  input: StaffTemplates,
  actor: string | null,
): Promise<CampaignStaffTemplates> {
  await db.transaction(async (tx) => {
    // Row lock: concurrent saves and a send of invitations see one another's result.
    await tx.execute(sql`select 1 from campaigns where id = ${id} for update`);
    const before = staffTemplatesOf(await staffCampaign(tx, id));
    const options = await staffTemplateOptions(tx);
    const bad = STAFF_GROUPS.filter((g) => !options.some((o) => o.code === input[g] && o.group === g)).map((g) => ({
      field: g,
      code: input[g],
    }));
    if (bad.length > 0) throw new AppError('STAFF_TEMPLATE_INVALID', bad);
    const changed = STAFF_GROUPS.filter((g) => before[g] !== input[g]);
    if (changed.length === 0) return;
    const invited = await invitedByGroup(tx, id);
    const locked = changed.filter((g) => invited[g] > 0).map((g) => ({ field: g, invited: invited[g] }));
    if (locked.length > 0) throw new AppError('STAFF_TEMPLATE_LOCKED', locked);
    await tx.update(schema.campaigns).set({ staffTemplates: input }).where(eq(schema.campaigns.id, id));
    await recordAudit(tx, {
      actorUserId: actor,
      action: 'campaign.staff_templates',
      entity: 'campaign',
      entityId: id,
      details: { before, after: input, changed },
    });
  });
  return campaignStaffTemplates(db, id);
}

/**
 * The form each channel of a SIPAS campaign offers (docs/0022): the kiosk's full form, the online
 * form, the enumerators' forms. Nothing chosen = the 2021 forms. Only stored SIPAS counter/online
 * forms may be chosen; a change is audited with the responses each channel already had, and new
 * responses use the new form (results pool answers per component across forms).
 */
import { CHANNEL_FORM_KINDS, formDefinitionSchema, type FormKind } from '@hailong/forms';
import { type CampaignChannelForms, type ChannelForms, type ChannelFormOption } from '@hailong/contracts';
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { eq, sql } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record.ts';
import { listFormRows } from '../forms/repo.ts';
import { resetTargetCache } from '../kiosks/target.ts';
import { resetKioskFormHistory } from './kiosk-form-history.ts';
import { channelFormsOf, type FormChannel } from './channel-form-codes.ts';
import { findCampaign, type CampaignRow } from './repo.ts';

export { channelFormCodes, channelFormsOf, requireOffered, type FormChannel } from './channel-form-codes.ts';

/** Latest stored version of each SIPAS counter/online form code. */
export async function channelFormOptions(db: DbOrTx): Promise<ChannelFormOption[]> {
  const seen = new Set<string>();
  const out: ChannelFormOption[] = [];
  for (const row of await listFormRows(db)) {
    if (seen.has(row.code) || !CHANNEL_FORM_KINDS.includes(row.kind as FormKind)) continue;
    seen.add(row.code);
    const def = formDefinitionSchema.parse(row.definition);
    out.push({ code: row.code, version: row.version, kind: row.kind, title: def.title });
  }
  return out;
}

async function responsesByChannel(db: DbOrTx, campaignId: string): Promise<CampaignChannelForms['responses']> {
  const { responses } = schema;
  const rows = await db
    .select({ channel: responses.channel, n: sql<number>`count(*)::int` })
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .groupBy(responses.channel);
  const count = (ch: string) => rows.find((r) => r.channel === ch)?.n ?? 0;
  return { kiosk: count('kiosk'), online: count('online'), field: count('enumerator') };
}

async function getCampaign(db: DbOrTx, id: string): Promise<CampaignRow> {
  const c = await findCampaign(db, id);
  if (!c) throw new AppError('CAMPAIGN_NOT_FOUND');
  return c;
}

function sipasChoice(c: CampaignRow): ChannelForms {
  const forms = channelFormsOf(c);
  if (!forms) throw new AppError('CHANNEL_FORM_INVALID', { field: 'campaign' });
  return forms;
}

export async function campaignChannelForms(db: DbOrTx, id: string): Promise<CampaignChannelForms> {
  const c = await getCampaign(db, id);
  const channelForms = sipasChoice(c);
  const [options, responses] = await Promise.all([channelFormOptions(db), responsesByChannel(db, id)]);
  return { channelForms, options, responses };
}

function invalidCodes(input: ChannelForms, allowed: Set<string>): { field: string; code: string }[] {
  const bad: { field: string; code: string }[] = [];
  if (!allowed.has(input.kiosk)) bad.push({ field: 'kiosk', code: input.kiosk });
  if (!allowed.has(input.online)) bad.push({ field: 'online', code: input.online });
  input.field.forEach((code, i) => {
    if (!allowed.has(code)) bad.push({ field: `field.${i}`, code });
  });
  return bad;
}

function changedChannels(before: ChannelForms, after: ChannelForms): FormChannel[] {
  const out: FormChannel[] = [];
  if (before.kiosk !== after.kiosk) out.push('kiosk');
  if (before.online !== after.online) out.push('online');
  if (before.field.join('\n') !== after.field.join('\n')) out.push('field');
  return out;
}

export async function setChannelForms(
  db: Db,
  id: string,
  input: ChannelForms,
  actor: string | null,
): Promise<CampaignChannelForms> {
  await db.transaction(async (tx) => {
    // Row lock: two admins saving at once are audited one after the other, each against what it replaced.
    await tx.execute(sql`select 1 from campaigns where id = ${id} for update`);
    const c = await getCampaign(tx, id);
    const before = sipasChoice(c);
    const allowed = new Set((await channelFormOptions(tx)).map((o) => o.code));
    const bad = invalidCodes(input, allowed);
    if (bad.length > 0) throw new AppError('CHANNEL_FORM_INVALID', bad);
    const changed = changedChannels(before, input);
    if (changed.length === 0) return;
    await tx.update(schema.campaigns).set({ channelForms: input }).where(eq(schema.campaigns.id, id));
    const responses = await responsesByChannel(tx, id);
    await recordAudit(tx, {
      actorUserId: actor,
      action: 'campaign.channel_forms',
      entity: 'campaign',
      entityId: id,
      details: {
        before,
        after: input,
        changed,
        responsesBefore: Object.fromEntries(changed.map((ch) => [ch, responses[ch]])),
      },
    });
  });
  resetTargetCache(db);
  resetKioskFormHistory(db);
  return campaignChannelForms(db, id);
}

/**
 * Campaign scopes, checked in `onRequest` — before the body is parsed or validated, so a caller
 * who may not see a campaign learns nothing from validation errors. Admins see every campaign;
 * supervisors and observers only those their organisation supervises (campaign_supervisors), and
 * the PAR table of a year only when their organisation supervises a campaign of that year.
 * Handlers keep their own checks (assertCanWatch) for the ids they resolve themselves.
 */
import type { UserRole } from '@hailong/db';
import { schema, type DbOrTx } from '@hailong/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AppError } from '../../errors.ts';
import type { AuthUser } from '../../plugins/auth.ts';
import { findOpenCampaign } from '../campaigns/repo.ts';
import { assertCanWatch, currentUser } from './access.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the campaign a route's raw `:id` belongs to, or throws the route's not-found error. */
export type CampaignOf = (db: DbOrTx, id: string) => Promise<string>;

/** `:id` is the campaign itself. */
export const campaignParam: CampaignOf = async (_db, id) => id;

/** `:id` is a response. */
export const responseCampaign: CampaignOf = async (db, id) => {
  const r = schema.responses;
  const rows = await db.select({ c: r.campaignId }).from(r).where(eq(r.id, id)).limit(1);
  if (!rows[0]) throw new AppError('NOT_FOUND', { entity: 'response' });
  return rows[0].c;
};

/** `:id` is a back-check. */
export const backCheckCampaign: CampaignOf = async (db, id) => {
  const { backChecks, responses } = schema;
  const rows = await db
    .select({ c: responses.campaignId })
    .from(backChecks)
    .innerJoin(responses, eq(responses.id, backChecks.responseId))
    .where(eq(backChecks.id, id))
    .limit(1);
  if (!rows[0]) throw new AppError('BACK_CHECK_NOT_FOUND');
  return rows[0].c;
};

function rawParam(req: FastifyRequest, name: string): string {
  const v = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof v === 'string' ? v : '';
}

/** Campaigns a supervisor's or observer's organisation supervises. */
export async function supervisedCampaignIds(db: DbOrTx, user: AuthUser): Promise<Set<string>> {
  if (user.organisationId === null) return new Set();
  const cs = schema.campaignSupervisors;
  const rows = await db.select({ c: cs.campaignId }).from(cs).where(eq(cs.organisationId, user.organisationId));
  return new Set(rows.map((r) => r.c));
}

/** Role check, then (for supervisors and observers) the scope of the campaign behind `:id`. */
export function campaignScope(
  app: FastifyInstance,
  roles: UserRole[],
  campaignOf: CampaignOf = campaignParam,
): onRequestAsyncHookHandler[] {
  const scope: onRequestAsyncHookHandler = async (req) => {
    const user = currentUser(req.user);
    const id = rawParam(req, 'id');
    if (!UUID.test(id)) {
      if (user.role === 'admin') return; // validation answers 400 naming the parameter
      throw new AppError(campaignOf === campaignParam ? 'CAMPAIGN_NOT_FOUND' : 'NOT_FOUND');
    }
    await assertCanWatch(app.db, user, await campaignOf(app.db, id)); // also 404 for an unknown campaign
  };
  return [app.requireRole(...roles), scope];
}

/** Role check, then (for supervisors and observers) a supervised campaign in the year behind `:year`. */
export function yearScope(app: FastifyInstance, roles: UserRole[]): onRequestAsyncHookHandler[] {
  const scope: onRequestAsyncHookHandler = async (req) => {
    const user = currentUser(req.user);
    if (user.role === 'admin') return;
    const year = Number(rawParam(req, 'year'));
    const supervised = [...(await supervisedCampaignIds(app.db, user))];
    const c = schema.campaigns;
    const rows =
      !Number.isInteger(year) || supervised.length === 0
        ? []
        : await app.db
            .select({ id: c.id })
            .from(c)
            .where(and(eq(c.year, year), inArray(c.id, supervised)))
            .limit(1);
    if (rows.length === 0) throw new AppError('NOT_SUPERVISED');
  };
  return [app.requireRole(...roles), scope];
}

/**
 * Kiosks feed the open SIPAS campaign: supervisors and observers see the fleet only while their
 * organisation supervises that campaign.
 */
export async function mayWatchKiosks(db: DbOrTx, user: AuthUser): Promise<boolean> {
  if (user.role === 'admin') return true;
  const open = await findOpenCampaign(db, 'sipas');
  return open !== undefined && (await supervisedCampaignIds(db, user)).has(open.id);
}

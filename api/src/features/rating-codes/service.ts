/**
 * One-time rating codes printed on result slips: the citizen rates that service once, at the kiosk
 * or at home, without being identified. Only keyed hashes (HMAC with TOKEN_SECRET: a 10-character
 * code is too short for a plain hash to hide it) are stored; a code is single use and belongs to one
 * unit and one campaign (it expires with the campaign).
 */
import { schema, type Db, type DbOrTx } from '@hailong/db';
import { and, eq, isNull } from 'drizzle-orm';
import { AppError } from '../../errors.ts';
import { keyedHash, newShortCode } from '../../lib/tokens.ts';
import { getCampaign } from '../campaigns/service.ts';
import { findUnitByCode } from '../kiosks/repo.ts';

const { ratingCodes } = schema;

export function ratingCodeHash(secret: string, code: string): string {
  return keyedHash(secret, 'rating', code.toUpperCase().replace(/[\s-]/g, ''));
}

/** Generates `count` codes for a unit; they are returned once and never again. */
export async function generateRatingCodes(
  db: Db,
  secret: string,
  campaignId: string,
  unitCode: string,
  count: number,
): Promise<string[]> {
  await getCampaign(db, campaignId);
  const unit = await findUnitByCode(db, unitCode);
  if (!unit) throw new AppError('UNIT_UNKNOWN', { field: 'unitCode' });
  const codes = Array.from({ length: count }, () => newShortCode(10));
  await db.transaction(async (tx) => {
    for (let i = 0; i < codes.length; i += 500) {
      const chunk = codes.slice(i, i + 500).map((c) => ({ campaignId, unitId: unit.id, codeHash: ratingCodeHash(secret, c) }));
      await tx.insert(ratingCodes).values(chunk);
    }
  });
  return codes;
}

/** Marks a code used (inside the submission's transaction); wrong unit/campaign or used → 400. */
export async function consumeRatingCode(
  tx: DbOrTx,
  secret: string,
  code: string,
  campaignId: string,
  unitId: number,
): Promise<void> {
  const rows = await tx
    .update(ratingCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(ratingCodes.codeHash, ratingCodeHash(secret, code)),
        eq(ratingCodes.campaignId, campaignId),
        eq(ratingCodes.unitId, unitId),
        isNull(ratingCodes.usedAt),
      ),
    )
    .returning({ id: ratingCodes.id });
  if (rows.length === 0) throw new AppError('RATING_CODE_INVALID', { field: 'ratingCode' });
}

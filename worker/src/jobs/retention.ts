/**
 * The retention purge (issue 14, docs/0014), run by the sweeper: every campaign closed more than
 * RETENTION_DAYS ago loses its personal data (@hailong/db purgePersonalData: one transaction with
 * its audit row, idempotent), so a missed run is simply done by the next one.
 */
import { campaignsDueForPurge, purgePersonalData, type Db } from '@hailong/db';

export async function purgeDuePersonalData(db: Db, now: Date, retentionDays: number): Promise<string[]> {
  const done: string[] = [];
  for (const id of await campaignsDueForPurge(db, now, retentionDays)) if (await purgePersonalData(db, id, now)) done.push(id);
  return done;
}

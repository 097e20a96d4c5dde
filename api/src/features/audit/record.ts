/** One audit-log entry (who did what, when, to what). Details carry no personal data. */
import { schema, type DbOrTx } from '@hailong/db';

export interface AuditEntry {
  actorUserId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: DbOrTx, e: AuditEntry): Promise<void> {
  await db.insert(schema.auditLog).values({ ...e, details: e.details ?? {} });
}

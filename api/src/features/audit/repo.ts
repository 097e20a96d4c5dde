/** The audit log for the console: newest first, filtered by action, entity, actor and day (Vietnam time). */
import type { AuditEntry, AuditQuery } from '@hailong/contracts';
import { schema, type DbOrTx } from '@hailong/db';
import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';

const { auditLog, users } = schema;
const vnStart = (day: string) => new Date(`${day}T00:00:00+07:00`);

function filters(q: AuditQuery): SQL | undefined {
  const parts: (SQL | undefined)[] = [
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.entity ? eq(auditLog.entity, q.entity) : undefined,
    q.actor ? or(ilike(users.email, `%${q.actor}%`), ilike(users.fullName, `%${q.actor}%`)) : undefined,
    q.from ? gte(auditLog.at, vnStart(q.from)) : undefined,
    q.to ? lt(auditLog.at, new Date(vnStart(q.to).getTime() + 24 * 3600_000)) : undefined,
  ];
  return and(...parts);
}

export async function auditPage(db: DbOrTx, q: AuditQuery): Promise<{ entries: AuditEntry[]; total: number; actions: string[] }> {
  const where = filters(q);
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorEmail: users.email,
      actorName: users.fullName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(q.limit)
    .offset(q.offset);
  const count = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where);
  const actions = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return {
    entries: rows.map((r) => ({ ...r, at: r.at.toISOString(), details: (r.details ?? {}) as Record<string, unknown> })),
    total: count[0]?.n ?? 0,
    actions: actions.map((a) => a.action),
  };
}

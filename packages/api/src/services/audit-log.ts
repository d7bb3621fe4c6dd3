import { auditLog, users } from '@pf/db';
import { AUDIT_ACTOR_KINDS, type AuditActorKind, type AuditPage, type AuditQuery } from '@pf/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { afterKeyset, pageOf, preciseTimestamp } from './keyset';

/** A row without a user names its actor in `details.actor` (see recordAudit); anything else is the system. */
function actorKindOf(actorUserId: string | null, details: Record<string, unknown>): AuditActorKind {
  if (actorUserId) return 'user';
  const named = details.actor;
  return typeof named === 'string' && (AUDIT_ACTOR_KINDS as readonly string[]).includes(named)
    ? (named as AuditActorKind)
    : 'system';
}

/**
 * The admin audit browser: newest first, keyset-paged over (created_at, id), narrowed by entity and store.
 * The actor's email is joined at read time (audit rows keep only the id; a renamed user shows the new email).
 */
export async function listAuditLog(deps: Pick<AppDeps, 'db'>, input: AuditQuery): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (input.entityType) conditions.push(eq(auditLog.targetType, input.entityType));
  if (input.entityId) conditions.push(eq(auditLog.targetId, input.entityId));
  if (input.storeId) conditions.push(eq(auditLog.storeId, input.storeId));
  if (input.cursor) conditions.push(afterKeyset(auditLog.createdAt, auditLog.id, input.cursor, 'desc'));
  const rows = await deps.db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      storeId: auditLog.storeId,
      actorUserId: auditLog.actorUserId,
      actorEmail: users.email,
      details: auditLog.details,
      requestId: auditLog.requestId,
      createdAt: auditLog.createdAt,
      position: preciseTimestamp(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit);
  return {
    items: page.map((row) => {
      const details = row.details ?? {};
      return {
        id: row.id,
        action: row.action,
        entityType: row.targetType,
        entityId: row.targetId,
        storeId: row.storeId,
        actor: { kind: actorKindOf(row.actorUserId, details), userId: row.actorUserId, email: row.actorEmail },
        details,
        requestId: row.requestId,
        createdAt: row.createdAt.toISOString(),
      };
    }),
    nextCursor,
  };
}

import { auditLog, type DbOrTx } from '@pf/db';

export interface AuditEntry {
  /** Null when no user acted: the scheduler, or a command-line tool. */
  actorUserId: string | null;
  /** Names a non-user actor (kept in `details.actor`, which the audit browser shows). */
  actorKind?: 'scheduler';
  storeId?: string | null;
  action: string;
  targetType:
    | 'user'
    | 'store'
    | 'membership'
    | 'dead_letter'
    | 'license'
    | 'product'
    | 'media'
    | 'billing_plan'
    | 'subscription'
    | 'promo';
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Written inside the same transaction as the change it describes. */
export const recordAudit = (tx: DbOrTx, { actorKind, details, ...entry }: AuditEntry) =>
  tx.insert(auditLog).values({ ...entry, details: actorKind ? { ...details, actor: actorKind } : details });

import { auditLog, type DbOrTx } from '@pf/db';

export interface AuditEntry {
  actorUserId: string | null;
  storeId?: string | null;
  action: string;
  targetType: 'user' | 'store' | 'membership' | 'dead_letter';
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
}

/** Written inside the same transaction as the change it describes. */
export const recordAudit = (tx: DbOrTx, entry: AuditEntry) => tx.insert(auditLog).values(entry);

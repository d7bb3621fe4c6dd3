import { auditPage, auditQueryInput } from '@pf/domain';
import { listAuditLog } from '../../services/audit-log';
import { adminProcedure } from '../../trpc/procedures';

/** Browse the append-only audit trail, newest first. */
export const listAuditProcedure = adminProcedure
  .input(auditQueryInput)
  .output(auditPage)
  .query(({ ctx, input }) => listAuditLog(ctx.deps, input));

import { markReadResult, notificationIdInput } from '@pf/domain';
import { markNotificationRead } from '../../services/notifications/mark-read';
import { authedProcedure } from '../../trpc/procedures';

export const markReadProcedure = authedProcedure
  .meta({ idempotency: '24h' })
  .input(notificationIdInput)
  .output(markReadResult)
  .mutation(({ ctx, input }) => markNotificationRead(ctx.deps, ctx.principal, input.id));

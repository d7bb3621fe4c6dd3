import { markAllReadInput, markAllReadResult } from '@pf/domain';
import { markAllNotificationsRead } from '../../services/notifications/mark-read';
import { authedProcedure } from '../../trpc/procedures';

export const markAllReadProcedure = authedProcedure
  .meta({ idempotency: '24h' })
  .input(markAllReadInput)
  .output(markAllReadResult)
  .mutation(({ ctx }) => markAllNotificationsRead(ctx.deps, ctx.principal));

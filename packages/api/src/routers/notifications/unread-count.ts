import { unreadCountResult } from '@pf/domain';
import { countUnread } from '../../services/notifications/count-unread';
import { authedProcedure } from '../../trpc/procedures';

export const unreadCountProcedure = authedProcedure
  .output(unreadCountResult)
  .query(({ ctx }) => countUnread(ctx.deps, ctx.principal));

import { listNotificationsInput, notificationPage } from '@pf/domain';
import { listNotifications } from '../../services/notifications/list-notifications';
import { authedProcedure } from '../../trpc/procedures';

/** The active store's notifications, or the admin inbox for a storeless admin; nothing for anyone else. */
export const listNotificationsProcedure = authedProcedure
  .input(listNotificationsInput)
  .output(notificationPage)
  .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.principal, input));

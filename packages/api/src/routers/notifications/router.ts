import { router } from '../../trpc/init';
import { listNotificationsProcedure } from './list';
import { markAllReadProcedure } from './mark-all-read';
import { markReadProcedure } from './mark-read';
import { unreadCountProcedure } from './unread-count';

export const notificationsRouter = router({
  list: listNotificationsProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
  markAllRead: markAllReadProcedure,
});

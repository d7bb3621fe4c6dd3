import { notifications } from '@pf/db';
import { AppError } from '@pf/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Principal } from '../types';
import { inboxFilter, inboxOf } from './inbox';

const notFound = () => new AppError('NOT_FOUND', 'Notification not found.');

/**
 * Marks one of the caller's own notifications read. Already read is success (DOMAIN §12.F6) and keeps the
 * first read time; another inbox's notification answers NOT_FOUND and is left as it was.
 */
export async function markNotificationRead(deps: AppDeps, principal: Principal, id: string) {
  const inbox = inboxOf(principal);
  if (!inbox) throw notFound();
  const mine = and(eq(notifications.id, id), inboxFilter(inbox));
  const updated = await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(mine, isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (updated.length > 0) return { read: true as const };
  const [existing] = await deps.db.select({ id: notifications.id }).from(notifications).where(mine);
  if (!existing) throw notFound();
  return { read: true as const };
}

/** Marks every unread notification of the caller's inbox read; `updated` counts only rows that changed. */
export async function markAllNotificationsRead(deps: AppDeps, principal: Principal) {
  const inbox = inboxOf(principal);
  if (!inbox) return { updated: 0 };
  const updated = await deps.db
    .update(notifications)
    .set({ readAt: deps.clock.now() })
    .where(and(inboxFilter(inbox), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { updated: updated.length };
}

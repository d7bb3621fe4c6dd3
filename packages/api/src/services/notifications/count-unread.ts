import { notifications } from '@pf/db';
import { and, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Principal } from '../types';
import { inboxFilter, inboxOf } from './inbox';

/** Polled by every open tab's bell: one count over the partial "unread" index. */
export async function countUnread(deps: AppDeps, principal: Principal) {
  const inbox = inboxOf(principal);
  if (!inbox) return { count: 0 };
  const [row] = await deps.db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(inboxFilter(inbox), isNull(notifications.readAt)));
  return { count: row?.count ?? 0 };
}

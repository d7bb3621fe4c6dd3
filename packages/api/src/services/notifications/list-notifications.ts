import { notifications } from '@pf/db';
import { isAppRelativeLink, type ListNotificationsQuery, type NotificationPage } from '@pf/domain';
import { and, desc, isNull, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Principal } from '../types';
import { decodeCursor, encodeCursor } from './cursor';
import { inboxFilter, inboxOf } from './inbox';

/** created_at with all six fractional digits: a millisecond Date would skip or repeat rows at a page edge. */
const preciseCreatedAt = sql<string>`to_char(${notifications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Newest first by (created_at, id), keyset-paginated so new arrivals never shift later pages. */
export async function listNotifications(
  deps: AppDeps,
  principal: Principal,
  input: ListNotificationsQuery,
): Promise<NotificationPage> {
  const inbox = inboxOf(principal);
  if (!inbox) return { items: [], nextCursor: null };
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const conditions: SQL[] = [inboxFilter(inbox)];
  if (input.unreadOnly) conditions.push(isNull(notifications.readAt));
  if (after) {
    conditions.push(
      sql`(${notifications.createdAt}, ${notifications.id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await deps.db
    .select({
      id: notifications.id,
      type: notifications.type,
      title: notifications.title,
      message: notifications.message,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
      position: preciseCreatedAt,
    })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      type: row.type,
      title: row.title,
      message: row.message,
      link: isAppRelativeLink(row.link) ? row.link : null,
      readAt: row.readAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null,
  };
}

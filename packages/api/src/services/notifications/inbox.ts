import { notifications } from '@pf/db';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Principal } from '../types';

/** Whose notifications a caller reads: the active store's, the admin inbox, or none (agents, storeless users). */
export type Inbox = { kind: 'store'; storeId: string } | { kind: 'admins' };

export function inboxOf(principal: Principal): Inbox | null {
  if (principal.store) return { kind: 'store', storeId: principal.store.id };
  if (principal.systemRole === 'admin') return { kind: 'admins' };
  return null;
}

/** The only filter any notification query starts from: another inbox's rows simply do not exist. */
export const inboxFilter = (inbox: Inbox): SQL =>
  (inbox.kind === 'store'
    ? and(eq(notifications.storeId, inbox.storeId), eq(notifications.audience, 'store'))
    : and(isNull(notifications.storeId), eq(notifications.audience, 'admins'))) as SQL;

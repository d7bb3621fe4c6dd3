import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { decodeCursor, encodeCursor } from './notifications/cursor';

// Keyset pagination over (created_at, id), shared by the license lists and the audit browser.

/**
 * A timestamp column at full (microsecond) precision in UTC, for cursors: a JavaScript Date keeps only
 * milliseconds, so a cursor built from it would skip or repeat rows at a page edge.
 */
export const preciseTimestamp = (column: AnyColumn): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Rows strictly after the cursor's `(created_at, id)` in the list's order. */
export const afterKeyset = (createdAt: AnyColumn, id: AnyColumn, cursor: string, order: 'asc' | 'desc'): SQL => {
  const after = decodeCursor(cursor);
  return order === 'asc'
    ? sql`(${createdAt}, ${id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`
    : sql`(${createdAt}, ${id}) < (${after.createdAt}::timestamptz, ${after.id}::uuid)`;
};

/** Splits a `limit + 1` fetch into the page and the cursor after its last row (null on the last page). */
export function pageOf<T extends { id: string; position: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor({ createdAt: last.position, id: last.id }) : null;
  return { page, nextCursor };
}

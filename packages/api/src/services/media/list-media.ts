import { media } from '@pf/db';
import type { ListMediaQuery, MediaPage } from '@pf/domain';
import { and, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { afterKeyset, pageOf, preciseTimestamp } from '../keyset';
import type { ActiveStore } from '../types';
import { toMediaDto } from './media-dto';

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The active store's media, newest first, keyset-paged; `url` is set only for files whose bytes are stored. */
export async function listMedia(deps: AppDeps, store: ActiveStore, input: ListMediaQuery): Promise<MediaPage> {
  const conditions: (SQL | undefined)[] = [eq(media.storeId, store.id)];
  if (input.kind) conditions.push(eq(media.kind, input.kind));
  if (input.status) conditions.push(eq(media.status, input.status));
  if (input.search) {
    const pattern = `%${escapeLike(input.search)}%`;
    conditions.push(or(ilike(media.fileName, pattern), ilike(media.objectKey, pattern)));
  }
  if (input.cursor) conditions.push(afterKeyset(media.createdAt, media.id, input.cursor, 'desc'));
  const rows = await deps.db
    .select({ row: media, id: media.id, position: preciseTimestamp(media.createdAt) })
    .from(media)
    .where(and(...conditions))
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { items: await Promise.all(page.map(({ row }) => toMediaDto(deps, row))), nextCursor };
}

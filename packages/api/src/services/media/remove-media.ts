import { media, type Transaction } from '@pf/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { detachEverywhere, protectedUsagesOf, type Usage } from './attachments';

export type RemovalOutcome = { removed: true; detached: Usage[] } | { removed: false; protectedUsages: Usage[] };

/**
 * Deletes a media item for good: every unprotected usage is detached, its attachment rows go, then the row,
 * and last the stored object and its thumbnail (a missing one is fine). The object is deleted inside the transaction: if
 * storage fails nothing commits and the caller retries; if the commit fails afterwards the row points at a
 * missing object, which the retry handles. The caller must hold the media row `for update`, so no usage can
 * be added meanwhile. Media with a protected usage (license, ad) is left untouched.
 */
export async function removeMediaCompletely(
  deps: AppDeps,
  tx: Transaction,
  row: { id: string; objectKey: string; thumbnailKey?: string | null },
): Promise<RemovalOutcome> {
  const protectedUsages = await protectedUsagesOf(tx, row.id);
  if (protectedUsages.length > 0) return { removed: false, protectedUsages };
  const { detached } = await detachEverywhere(tx, row.id);
  await tx.delete(media).where(eq(media.id, row.id));
  await deps.storage.deleteObject(row.objectKey);
  if (row.thumbnailKey) await deps.storage.deleteObject(row.thumbnailKey);
  return { removed: true, detached };
}

import { media, type Transaction } from '@pf/db';
import { normalizeMimeType } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';

export interface StoredObjectFacts {
  objectKey: string;
  sizeBytes: number;
  contentType: string;
}

export type FinalizeOutcome = 'uploaded' | 'failed' | 'unchanged' | 'unknown';

/** Why the stored bytes cannot be the file that was approved, or null when they can. */
function mismatch(row: { sizeBytes: number; mimeType: string }, object: StoredObjectFacts): string | null {
  if (object.sizeBytes > row.sizeBytes) return `stored ${object.sizeBytes} bytes, declared ${row.sizeBytes}`;
  // Declared sizes are at least 1 byte; an empty object is an upload that went wrong, not a file.
  if (object.sizeBytes === 0) return 'stored object is empty';
  if (normalizeMimeType(object.contentType) !== row.mimeType) {
    return `stored as ${object.contentType}, declared ${row.mimeType}`;
  }
  return null;
}

/**
 * Storage confirmed an object (GCS notification or the local upload route, both as `media_object_finalized`).
 * Unknown keys are ignored (an upload for media deleted meanwhile); anything but `pending` is left as it is,
 * so redeliveries change nothing. Bytes that do not match the request are deleted and the media is `failed`.
 */
export async function finalizeStoredObject(
  deps: AppDeps,
  tx: Transaction,
  object: StoredObjectFacts,
): Promise<FinalizeOutcome> {
  const [row] = await tx.select().from(media).where(eq(media.objectKey, object.objectKey)).for('update');
  if (!row) {
    deps.logger.info({ key: object.objectKey }, 'finalize for an object no media row knows; ignored');
    return 'unknown';
  }
  if (row.status !== 'pending') return 'unchanged';
  const now = deps.clock.now();
  const problem = mismatch(row, object);
  if (problem) {
    await tx.update(media).set({ status: 'failed', updatedAt: now }).where(eq(media.id, row.id));
    // Deleted before commit: if storage refuses, the event is retried and nothing was marked.
    await deps.storage.deleteObject(row.objectKey);
    deps.logger.warn({ mediaId: row.id, problem }, 'stored object does not match its upload request; media failed');
    return 'failed';
  }
  await tx
    .update(media)
    .set({ status: 'uploaded', sizeBytes: object.sizeBytes, uploadedAt: now, updatedAt: now })
    .where(eq(media.id, row.id));
  return 'uploaded';
}

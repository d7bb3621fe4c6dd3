import { media, type Transaction } from '@pf/db';
import { CONTENT_SNIFF_BYTES, type ErrorCode, mediaContentProblem, normalizeMimeType } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { MediaRow } from './media-dto';
import { sniffMimeType } from './sniff-content';

export interface StoredObjectFacts {
  objectKey: string;
  sizeBytes: number;
  contentType: string;
}

export type FinalizeOutcome = 'uploaded' | 'failed' | 'unchanged' | 'unknown';

interface Refusal {
  code: ErrorCode;
  message: string;
}

/** Why the stored object's size or type cannot be the file that was approved, or null when they can. */
function declarationMismatch(row: MediaRow, object: StoredObjectFacts): Refusal | null {
  if (object.sizeBytes > row.sizeBytes) {
    return { code: 'PAYLOAD_TOO_LARGE', message: `Stored ${object.sizeBytes} bytes, declared ${row.sizeBytes}.` };
  }
  // Declared sizes are at least 1 byte; an empty object is an upload that went wrong, not a file.
  if (object.sizeBytes === 0) return { code: 'VALIDATION_ERROR', message: 'The stored file is empty.' };
  if (normalizeMimeType(object.contentType) !== row.mimeType) {
    return {
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: `The file was stored as ${object.contentType}, not the declared ${row.mimeType}.`,
    };
  }
  return null;
}

/** Why the stored bytes are not the declared kind of file (sniffed from their first bytes), or null. */
async function contentMismatch(deps: AppDeps, row: MediaRow): Promise<Refusal | null> {
  const head = await deps.storage.readHead(row.objectKey, CONTENT_SNIFF_BYTES);
  if (head === null) return { code: 'VALIDATION_ERROR', message: 'The stored file is missing.' };
  const problem = mediaContentProblem(row.kind, row.mimeType, await sniffMimeType(head));
  return problem ? { code: 'MEDIA_CONTENT_MISMATCH', message: problem } : null;
}

/**
 * Storage confirmed an object (GCS notification or the local upload route, both as `media_object_finalized`).
 * Unknown keys are ignored (an upload for media deleted meanwhile); anything but `pending` is left as it is,
 * so redeliveries change nothing. Bytes that do not match the request (size, type, or content sniffed from
 * their first bytes: HTML sent as a PNG) are deleted and the media is `failed` with the reason.
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
  const refusal = declarationMismatch(row, object) ?? (await contentMismatch(deps, row));
  if (refusal) {
    await tx
      .update(media)
      .set({ status: 'failed', failureCode: refusal.code, failureMessage: refusal.message, updatedAt: now })
      .where(eq(media.id, row.id));
    // Deleted before commit: if storage refuses, the event is retried and nothing was marked.
    await deps.storage.deleteObject(row.objectKey);
    deps.logger.warn({ mediaId: row.id, refusal }, 'stored object does not match its upload request; media failed');
    return 'failed';
  }
  await tx
    .update(media)
    .set({ status: 'uploaded', sizeBytes: object.sizeBytes, uploadedAt: now, updatedAt: now })
    .where(eq(media.id, row.id));
  return 'uploaded';
}

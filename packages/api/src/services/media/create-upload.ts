import { randomUUID } from 'node:crypto';
import { media } from '@pf/db';
import {
  AppError,
  type CreateUploadInput,
  type CreateUploadResult,
  mediaObjectKey,
  validateUploadRequest,
} from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';

/**
 * Presign (DOMAIN §5.4): the row is written `pending` before the URL is signed, so a URL never exists
 * without its row; if signing fails the row is removed again. The URL admits exactly the declared content
 * type and at most the declared size, so the stored object can only be smaller than what was approved.
 */
export async function createUpload(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CreateUploadInput,
): Promise<CreateUploadResult> {
  const { mimeType, fileName, ext } = validateUploadRequest(input);
  const id = randomUUID();
  const objectKey = mediaObjectKey(store.id, input.kind, id, ext);
  const now = deps.clock.now();
  await deps.db.insert(media).values({
    id,
    storeId: store.id,
    userId: actorUserId,
    kind: input.kind,
    status: 'pending',
    objectKey,
    fileName,
    mimeType,
    sizeBytes: input.sizeBytes,
    createdAt: now,
    updatedAt: now,
  });
  try {
    const signed = await deps.storage.signUpload({
      key: objectKey,
      contentType: mimeType,
      maxBytes: input.sizeBytes,
      expiresAt: new Date(now.getTime() + deps.config.UPLOAD_URL_TTL_SECONDS * 1000),
    });
    return {
      mediaId: id,
      key: objectKey,
      uploadUrl: signed.url,
      method: signed.method,
      headers: signed.headers,
      expiresAt: signed.expiresAt.toISOString(),
    };
  } catch (error) {
    await deps.db.delete(media).where(eq(media.id, id));
    deps.logger.error({ err: error, mediaId: id }, 'signing an upload URL failed; pending media removed');
    throw new AppError('DEPENDENCY_ERROR', 'Storage could not prepare the upload. Try again shortly.', {
      cause: error,
    });
  }
}

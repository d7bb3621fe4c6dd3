import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { media } from '@pf/db';
import { type MediaKind, mediaObjectKey, mediaThumbnailKey } from '@pf/domain';
import pLimit from 'p-limit';
import type { AppDeps } from '../deps';
import { localStorageOf } from '../storage';

/** A file the seed stores and records as an uploaded media row of `storeId`. */
export interface SeedFile {
  id: string;
  storeId: string;
  userId: string;
  kind: MediaKind;
  fileName: string;
  mimeType: 'image/png' | 'application/pdf';
  objectKey: string;
  bytes: Buffer;
  /** A grid-size rendition stored beside the original (product pictures). */
  thumbnail?: { objectKey: string; bytes: Buffer };
}

const EXTENSIONS = { 'image/png': 'png', 'application/pdf': 'pdf' } as const;

export function seedFile(
  owner: { storeId: string; userId: string },
  kind: MediaKind,
  fileName: string,
  mimeType: SeedFile['mimeType'],
  bytes: Buffer,
  thumbnailBytes?: Buffer,
): SeedFile {
  // Fresh ids, not seeded ones: a run that died after storing its objects must not collide with the retry.
  const id = randomUUID();
  const objectKey = mediaObjectKey(owner.storeId, kind, id, EXTENSIONS[mimeType]);
  const thumbnail = thumbnailBytes && { objectKey: mediaThumbnailKey(objectKey), bytes: thumbnailBytes };
  return { id, ...owner, kind, fileName, mimeType, objectKey, bytes, ...(thumbnail && { thumbnail }) };
}

/**
 * Puts the bytes the way a browser would: through a signed upload URL of the storage port. The local adapter
 * takes the upload in-process (no web server runs during the seed); any other adapter gets a real PUT.
 */
async function putObject(deps: AppDeps, file: { objectKey: string; mimeType: string; bytes: Buffer }) {
  const signed = await deps.storage.signUpload({
    key: file.objectKey,
    contentType: file.mimeType,
    maxBytes: file.bytes.length,
    expiresAt: new Date(deps.clock.now().getTime() + 10 * 60_000),
  });
  const local = localStorageOf(deps.storage);
  if (local) {
    await local.receiveUpload({
      key: file.objectKey,
      query: new URL(signed.url).searchParams,
      contentType: file.mimeType,
      contentLength: file.bytes.length,
      body: Readable.from([file.bytes]),
    });
    return;
  }
  const response = await fetch(signed.url, {
    method: 'PUT',
    headers: signed.headers,
    body: new Uint8Array(file.bytes),
  });
  if (!response.ok) throw new Error(`storing ${file.objectKey} failed: HTTP ${response.status}`);
}

/** Stores every file and its thumbnail, a few at a time (disk or network bound, not CPU). */
export async function putObjects(deps: AppDeps, files: readonly SeedFile[]) {
  const limit = pLimit(8);
  const objects = files.flatMap((file) => [
    file,
    ...(file.thumbnail ? [{ ...file.thumbnail, mimeType: file.mimeType }] : []),
  ]);
  await Promise.all(objects.map((object) => limit(() => putObject(deps, object))));
}

/** The row finalize would have left behind for this file: uploaded, with its real size. */
export const mediaRowOf = (file: SeedFile, at: Date): typeof media.$inferInsert => ({
  id: file.id,
  storeId: file.storeId,
  userId: file.userId,
  kind: file.kind,
  status: 'uploaded',
  objectKey: file.objectKey,
  thumbnailKey: file.thumbnail?.objectKey ?? null,
  fileName: file.fileName,
  mimeType: file.mimeType,
  sizeBytes: file.bytes.length,
  uploadedAt: at,
  createdAt: at,
  updatedAt: at,
});

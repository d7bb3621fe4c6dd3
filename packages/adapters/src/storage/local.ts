import { lstat, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { Clock, ObjectStorage, SignedUpload, StoredObject } from '@pf/domain';
import { AppError, systemClock } from '@pf/domain';
import { existingObjectFile, isMissing, locateObject, prepareRoot, readContentType, sidecarPath } from './local-files';
import { downloadQuery, type Secret, uploadQuery, verifyDownloadQuery } from './local-signature';
import { type ReceivedUpload, type ReceiveUploadInput, receiveUpload } from './local-upload';
import { parseObjectKey } from './object-key';
import { attachmentDisposition, checkHeadLength, checkUploadRequest, expirySeconds } from './sign-input';

/** Paths the web app must route to `receiveUpload` (PUT) and `openDownload` (GET); the key follows them. */
export const LOCAL_UPLOAD_PATH = '/api/storage/upload/';
export const LOCAL_DOWNLOAD_PATH = '/api/storage/object/';

export interface LocalObjectStorageOptions {
  /** Directory that holds the objects; created on first use. */
  root: string;
  /** Origin (and optional base path) of the web app that serves the storage routes, e.g. http://localhost:3000. */
  publicBaseUrl: string;
  /** HMAC key for the signed URLs; at least 32 bytes. */
  secret: Secret;
  clock?: Clock;
}

export interface OpenedDownload {
  stream: ReadableStream<Uint8Array>;
  sizeBytes: number;
  contentType: string;
  downloadName?: string;
  /** Response headers to send as they are (type, length, disposition, nosniff, caching). */
  headers: Record<string, string>;
}

export interface LocalObjectStorage extends ObjectStorage {
  readonly kind: 'local';
  /** Handles the PUT to a signed upload URL. */
  receiveUpload(input: ReceiveUploadInput): Promise<ReceivedUpload>;
  /** Handles the GET of a signed download URL. */
  openDownload(input: { key: string; query: URLSearchParams }): Promise<OpenedDownload>;
}

const MIN_SECRET_BYTES = 32;
const notFound = (key: string) => new AppError('NOT_FOUND', 'The object does not exist.', { details: { key } });

const ignoreMissing = (error: unknown) => {
  if (!isMissing(error)) throw error;
};

export function createLocalObjectStorage(options: LocalObjectStorageOptions): LocalObjectStorage {
  const { secret } = options;
  const clock = options.clock ?? systemClock;
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new Error(`The local storage secret must be at least ${MIN_SECRET_BYTES} bytes.`);
  }
  const baseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  let root: Promise<string> | undefined;
  const realRoot = () => {
    root ??= prepareRoot(options.root).catch((error: unknown) => {
      root = undefined;
      throw error;
    });
    return root;
  };

  async function stat(key: string): Promise<{ file: string; object: StoredObject } | null> {
    const found = await existingObjectFile(await realRoot(), key);
    if (!found) return null;
    const { size } = await lstat(found.path);
    return { file: found.path, object: { sizeBytes: size, contentType: await readContentType(found.location) } };
  }

  return {
    kind: 'local',

    async signUpload(input): Promise<SignedUpload> {
      const exp = checkUploadRequest(input, clock);
      const query = uploadQuery(secret, input.key, input.contentType, input.maxBytes, exp);
      return {
        url: `${baseUrl}${LOCAL_UPLOAD_PATH}${input.key}?${query}`,
        method: 'PUT',
        headers: { 'Content-Type': input.contentType },
        expiresAt: new Date(exp * 1000),
      };
    },

    async signDownload({ key, expiresAt, downloadName }) {
      parseObjectKey(key);
      const exp = expirySeconds(expiresAt, clock);
      return `${baseUrl}${LOCAL_DOWNLOAD_PATH}${key}?${downloadQuery(secret, key, exp, downloadName)}`;
    },

    async deleteObject(key) {
      const location = await locateObject(await realRoot(), key);
      if (!location) return;
      const file = join(location.dir, location.name);
      // A directory under this name is a prefix of other keys, not an object.
      const entry = await lstat(file).catch((error: unknown) => (isMissing(error) ? null : Promise.reject(error)));
      if (entry && !entry.isDirectory()) await unlink(file).catch(ignoreMissing);
      await unlink(sidecarPath(location.dir, location.name)).catch(ignoreMissing);
    },

    async statObject(key) {
      return (await stat(key))?.object ?? null;
    },

    async readHead(key, bytes) {
      checkHeadLength(bytes);
      const found = await existingObjectFile(await realRoot(), key);
      if (!found) return null;
      const handle = await open(found.path, 'r').catch((error: unknown) =>
        isMissing(error) ? null : Promise.reject(error),
      );
      if (!handle) return null;
      try {
        const buffer = Buffer.alloc(bytes);
        let filled = 0;
        // One read may return fewer bytes than asked before the end of the file.
        while (filled < bytes) {
          const { bytesRead } = await handle.read(buffer, filled, bytes - filled, filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        return new Uint8Array(buffer.buffer, buffer.byteOffset, filled);
      } finally {
        await handle.close();
      }
    },

    receiveUpload: (input) => receiveUpload({ realRoot, secret, clock }, input),

    async openDownload({ key, query }) {
      parseObjectKey(key);
      const { downloadName, exp } = verifyDownloadQuery(secret, key, query, clock);
      const found = await stat(key);
      if (!found) throw notFound(key);
      const handle = await open(found.file, 'r').catch((error: unknown) =>
        Promise.reject(isMissing(error) ? notFound(key) : error),
      );
      // Size from the open descriptor, so the header matches the bytes that will be streamed.
      const { size } = await handle.stat().catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
      const stream = Readable.toWeb(handle.createReadStream()) as unknown as ReadableStream<Uint8Array>;
      const { contentType } = found.object;
      const secondsLeft = Math.max(0, Math.min(3600, exp - Math.floor(clock.now().getTime() / 1000)));
      const headers: Record<string, string> = {
        'Content-Type': contentType,
        'Content-Length': String(size),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': `private, max-age=${secondsLeft}`,
      };
      if (downloadName !== undefined) headers['Content-Disposition'] = attachmentDisposition(downloadName);
      return { stream, sizeBytes: size, contentType, ...(downloadName !== undefined && { downloadName }), headers };
    },
  };
}

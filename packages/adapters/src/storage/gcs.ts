import type { GetSignedUrlConfig } from '@google-cloud/storage';
import type { Clock, ObjectStorage, SignedUpload } from '@pf/domain';
import { AppError, systemClock } from '@pf/domain';
import { parseObjectKey } from './object-key';
import { attachmentDisposition, checkHeadLength, checkUploadRequest, expirySeconds } from './sign-input';

/** The slice of `@google-cloud/storage` the adapter uses; tests hand in a fake, so none needs the network. */
export interface GcsFile {
  getSignedUrl(config: GetSignedUrlConfig): Promise<[string]>;
  delete(): Promise<unknown>;
  getMetadata(): Promise<[{ size?: string | number; contentType?: string }, ...unknown[]]>;
  /** A ranged read: `start` and `end` are inclusive byte offsets. */
  download(options: { start: number; end: number }): Promise<[Buffer]>;
}

export interface GcsClient {
  bucket(name: string): { file(name: string): GcsFile };
}

export interface GcsObjectStorageOptions {
  bucket: string;
  /** A service account key; without it Application Default Credentials sign through the IAM signBlob API. */
  credentials?: { client_email: string; private_key: string };
  projectId?: string;
  /** Injected in tests. Otherwise `@google-cloud/storage` is loaded on first use: it takes seconds to import. */
  storage?: GcsClient;
  clock?: Clock;
}

const CONTENT_LENGTH_RANGE = 'x-goog-content-length-range';
// Makes GCS refuse a second PUT to the same name, so a signed URL creates its object exactly once and a
// replayed URL cannot replace a file that was already checked (nor emit a delete for the replaced one).
const ONLY_IF_ABSENT = 'x-goog-if-generation-match';

const statusOf = (error: unknown) => (error as { code?: unknown } | undefined)?.code;
const isNotFound = (error: unknown) => statusOf(error) === 404;
// An empty object has no byte 0 to start a range at.
const isRangeNotSatisfiable = (error: unknown) => statusOf(error) === 416;

const unavailable = (action: string, error: unknown) =>
  new AppError('DEPENDENCY_ERROR', `Cloud Storage could not ${action}.`, { cause: error });

export function createGcsObjectStorage(options: GcsObjectStorageOptions): ObjectStorage {
  const clock = options.clock ?? systemClock;
  let client: Promise<GcsClient> | undefined;
  const getClient = () => {
    client ??= options.storage
      ? Promise.resolve(options.storage)
      : import('@google-cloud/storage').then(
          ({ Storage }): GcsClient =>
            new Storage({
              ...(options.projectId && { projectId: options.projectId }),
              ...(options.credentials && { credentials: options.credentials }),
            }),
        );
    return client;
  };
  const file = async (key: string) => {
    parseObjectKey(key);
    return (await getClient()).bucket(options.bucket).file(key);
  };

  async function sign(key: string, config: GetSignedUrlConfig): Promise<string> {
    const target = await file(key);
    try {
      const [url] = await target.getSignedUrl(config);
      return url;
    } catch (error) {
      throw unavailable('sign the URL', error);
    }
  }

  return {
    kind: 'gcs',

    async signUpload(input): Promise<SignedUpload> {
      const exp = checkUploadRequest(input, clock);
      const headers = {
        'Content-Type': input.contentType,
        [CONTENT_LENGTH_RANGE]: `0,${input.maxBytes}`,
        [ONLY_IF_ABSENT]: '0',
      };
      const url = await sign(input.key, {
        version: 'v4',
        action: 'write',
        expires: exp * 1000,
        accessibleAt: clock.now(),
        contentType: input.contentType,
        extensionHeaders: { [CONTENT_LENGTH_RANGE]: headers[CONTENT_LENGTH_RANGE], [ONLY_IF_ABSENT]: '0' },
      });
      return { url, method: 'PUT', headers, expiresAt: new Date(exp * 1000) };
    },

    async signDownload({ key, expiresAt, downloadName }) {
      const exp = expirySeconds(expiresAt, clock);
      return sign(key, {
        version: 'v4',
        action: 'read',
        expires: exp * 1000,
        accessibleAt: clock.now(),
        ...(downloadName !== undefined && { responseDisposition: attachmentDisposition(downloadName) }),
      });
    },

    async deleteObject(key) {
      const target = await file(key);
      try {
        await target.delete();
      } catch (error) {
        if (!isNotFound(error)) throw unavailable('delete the object', error);
      }
    },

    async statObject(key) {
      const target = await file(key);
      try {
        const [metadata] = await target.getMetadata();
        return {
          sizeBytes: Number(metadata.size ?? 0),
          contentType: metadata.contentType ?? 'application/octet-stream',
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        throw unavailable('read the object metadata', error);
      }
    },

    async readHead(key, bytes) {
      checkHeadLength(bytes);
      const target = await file(key);
      try {
        // Ranged, so sniffing a 20 MB upload moves a few kilobytes.
        const [head] = await target.download({ start: 0, end: bytes - 1 });
        return new Uint8Array(head.buffer, head.byteOffset, Math.min(head.byteLength, bytes));
      } catch (error) {
        if (isNotFound(error)) return null;
        if (isRangeNotSatisfiable(error)) return new Uint8Array(0);
        throw unavailable('read the object', error);
      }
    },
  };
}

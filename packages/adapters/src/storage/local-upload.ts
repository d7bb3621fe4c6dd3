import { link, open, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { Clock } from '@pf/domain';
import { AppError } from '@pf/domain';
import {
  createObjectDirectory,
  existingObjectFile,
  isAlreadyThere,
  isMissing,
  type ObjectLocation,
  sidecarPath,
  tempPath,
} from './local-files';
import { type Secret, verifyUploadQuery } from './local-signature';
import { parseObjectKey } from './object-key';

/** What a route handler can hand over: `request.body` (web) or an `IncomingMessage` (Node). */
export type UploadBody = ReadableStream<Uint8Array> | NodeJS.ReadableStream | AsyncIterable<Uint8Array>;

export interface ReceiveUploadInput {
  /** The object key taken from the URL path (after the upload route prefix). */
  key: string;
  query: URLSearchParams;
  /** The request's Content-Type header. */
  contentType: string | null;
  /** The request's Content-Length header, or null when it was absent (chunked). */
  contentLength: number | null;
  body: UploadBody | null;
}

export interface ReceivedUpload {
  key: string;
  sizeBytes: number;
  contentType: string;
}

export interface UploadContext {
  realRoot: () => Promise<string>;
  secret: Secret;
  clock: Clock;
}

const alreadyUploaded = (key: string) =>
  new AppError('CONFLICT', 'An object was already uploaded with this URL.', { details: { key } });

const tooLarge = (maxBytes: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The upload is larger than the signed limit of ${maxBytes} bytes.`, {
    details: { maxBytes },
  });

function toNodeReadable(body: UploadBody): Readable {
  if (body instanceof Readable) return body;
  if ('getReader' in body) return Readable.fromWeb(body as NodeWebReadableStream<Uint8Array>);
  return Readable.from(body as AsyncIterable<Uint8Array>);
}

/** Streams the body into `path`, refusing as soon as it passes `maxBytes` whatever Content-Length claimed. */
async function writeBounded(path: string, body: UploadBody | null, maxBytes: number): Promise<number> {
  const file = await open(path, 'wx');
  let written = 0;
  try {
    if (body) {
      // Leaving the loop early (throw) destroys the stream, which cancels a web body.
      for await (const chunk of toNodeReadable(body)) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
        written += bytes.byteLength;
        if (written > maxBytes) throw tooLarge(maxBytes);
        await file.write(bytes);
      }
    }
  } finally {
    await file.close();
  }
  return written;
}

const removeQuietly = (path: string) =>
  unlink(path).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });

/**
 * Writes the object as a temp file in its final directory, then hard-links it into place: a link, unlike
 * a rename, fails when the name exists, so a signed URL creates its object at most once and no reader
 * ever sees a partial file. The content-type sidecar follows the same temp-then-rename path.
 */
async function commit(location: ObjectLocation, dataTemp: string, contentType: string, key: string) {
  const metaTemp = tempPath(location.dir, location.name);
  try {
    await writeFile(metaTemp, JSON.stringify({ contentType }), { flag: 'wx' });
    try {
      await link(dataTemp, join(location.dir, location.name));
    } catch (error) {
      if (isAlreadyThere(error)) throw alreadyUploaded(key);
      throw error;
    }
    await rename(metaTemp, sidecarPath(location.dir, location.name));
  } finally {
    await removeQuietly(metaTemp);
  }
}

export async function receiveUpload(context: UploadContext, input: ReceiveUploadInput): Promise<ReceivedUpload> {
  const { key, contentLength } = input;
  parseObjectKey(key);
  const signed = verifyUploadQuery(context.secret, key, input.query, context.clock);
  if (input.contentType !== signed.contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `The upload must be sent as ${signed.contentType}.`, {
      details: { expected: signed.contentType, received: input.contentType },
    });
  }
  if (contentLength !== null && (!Number.isSafeInteger(contentLength) || contentLength < 0)) {
    throw new AppError('VALIDATION_ERROR', 'Content-Length is not a valid byte count.');
  }
  if (contentLength !== null && contentLength > signed.maxBytes) throw tooLarge(signed.maxBytes);

  const realRoot = await context.realRoot();
  // Cheap early refusal; the hard link in commit() is what actually guarantees a single upload.
  if (await existingObjectFile(realRoot, key)) throw alreadyUploaded(key);
  const location = await createObjectDirectory(realRoot, key);
  const dataTemp = tempPath(location.dir, location.name);
  try {
    const sizeBytes = await writeBounded(dataTemp, input.body, signed.maxBytes);
    if (contentLength !== null && sizeBytes !== contentLength) {
      throw new AppError('VALIDATION_ERROR', 'The upload body does not match its Content-Length.', {
        details: { contentLength, received: sizeBytes },
      });
    }
    await commit(location, dataTemp, signed.contentType, key);
    return { key, sizeBytes, contentType: signed.contentType };
  } finally {
    await removeQuietly(dataTemp);
  }
}

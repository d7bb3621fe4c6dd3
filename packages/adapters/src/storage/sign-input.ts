import type { Clock } from '@pf/domain';
import { AppError } from '@pf/domain';
import { parseObjectKey } from './object-key';

/** GCS refuses V4 signatures valid for longer; the local adapter keeps the same limit so both behave alike. */
export const MAX_SIGNED_URL_SECONDS = 7 * 24 * 60 * 60;

// type/subtype with optional parameters, printable ASCII only: the value is echoed into a signed header.
const CONTENT_TYPE = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+(?:\s*;\s*[\x21-\x7e]+=[\x20-\x7e]+)*$/;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', message, { violations: [{ path, code: 'invalid', message }] });

/** Expiry in whole seconds since the epoch: what both URL formats carry. */
export function expirySeconds(expiresAt: Date, clock: Clock): number {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const now = Math.floor(clock.now().getTime() / 1000);
  if (!Number.isFinite(expires) || expires <= now) throw invalid('expiresAt', 'expiresAt must be in the future.');
  if (expires - now > MAX_SIGNED_URL_SECONDS) {
    throw invalid('expiresAt', `A signed URL may be valid for at most ${MAX_SIGNED_URL_SECONDS} seconds.`);
  }
  return expires;
}

export interface UploadRequest {
  key: string;
  contentType: string;
  maxBytes: number;
  expiresAt: Date;
}

/** Validates a signUpload request and returns its expiry in seconds. */
export function checkUploadRequest(input: UploadRequest, clock: Clock): number {
  parseObjectKey(input.key);
  if (
    typeof input.contentType !== 'string' ||
    input.contentType.length > 255 ||
    !CONTENT_TYPE.test(input.contentType)
  ) {
    throw invalid('contentType', 'contentType must be a media type such as image/png.');
  }
  if (!Number.isSafeInteger(input.maxBytes) || input.maxBytes < 1) {
    throw invalid('maxBytes', 'maxBytes must be a positive integer.');
  }
  return expirySeconds(input.expiresAt, clock);
}

/** readHead serves format sniffing, not downloads: a larger read would hold a whole file in memory. */
export const MAX_HEAD_BYTES = 1024 * 1024;

export function checkHeadLength(bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 1 || bytes > MAX_HEAD_BYTES) {
    throw invalid('bytes', `bytes must be a whole number from 1 to ${MAX_HEAD_BYTES}.`);
  }
}

/**
 * A Content-Disposition that cannot break the header or smuggle a path: quotes, backslashes, slashes and
 * control characters are dropped from the ASCII fallback, and the exact name travels RFC 5987-encoded.
 */
export function attachmentDisposition(downloadName: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  const cleaned = downloadName.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  const fallback = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["\\/]/g, '_') || 'download';
  const encoded = encodeURIComponent(cleaned.replace(/[/\\]/g, '_')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded || 'download'}`;
}

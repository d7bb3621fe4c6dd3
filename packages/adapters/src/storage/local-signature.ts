import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@pf/domain';
import { AppError } from '@pf/domain';

/**
 * HMAC-SHA256 signatures for the local adapter's URLs. The canonical string is a JSON array, so no
 * value (a content type with a newline, a download name with a comma) can shift into the next field.
 */
const SCHEME = 'pf-local-storage-v1';

export type Secret = string | Uint8Array;

const mac = (secret: Secret, parts: string[]) =>
  createHmac('sha256', secret)
    .update(JSON.stringify([SCHEME, ...parts]))
    .digest('base64url');

const invalid = () => new AppError('SIGNATURE_INVALID', 'The storage URL signature is invalid.');

function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Each signed parameter must appear exactly once: a duplicate could be read differently by another parser. */
function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw invalid();
  return values[0];
}

function required(query: URLSearchParams, name: string, pattern?: RegExp): string {
  const value = single(query, name);
  if (value === undefined || (pattern && !pattern.test(value))) throw invalid();
  return value;
}

const SECONDS = /^[1-9][0-9]{0,11}$/;
const BYTES = /^[1-9][0-9]{0,15}$/;

function checkFresh(exp: string, clock: Clock): void {
  if (clock.now().getTime() >= Number(exp) * 1000) {
    throw new AppError('SIGNATURE_EXPIRED', 'The storage URL has expired.');
  }
}

const uploadParts = (key: string, contentType: string, maxBytes: string, exp: string) => [
  'PUT',
  key,
  contentType,
  maxBytes,
  exp,
];

export function uploadQuery(secret: Secret, key: string, contentType: string, maxBytes: number, exp: number) {
  const query = new URLSearchParams({ ct: contentType, max: String(maxBytes), exp: String(exp) });
  query.set('sig', mac(secret, uploadParts(key, contentType, String(maxBytes), String(exp))));
  return query;
}

/** The signed limits of an upload URL; the signature is checked before the expiry. */
export function verifyUploadQuery(secret: Secret, key: string, query: URLSearchParams, clock: Clock) {
  const contentType = required(query, 'ct');
  const maxBytes = required(query, 'max', BYTES);
  const exp = required(query, 'exp', SECONDS);
  const sig = required(query, 'sig');
  if (!sameSignature(mac(secret, uploadParts(key, contentType, maxBytes, exp)), sig)) throw invalid();
  checkFresh(exp, clock);
  return { contentType, maxBytes: Number(maxBytes) };
}

const downloadParts = (key: string, exp: string, downloadName: string | undefined) =>
  // An absent name and an empty name must not share a signature.
  ['GET', key, exp, downloadName === undefined ? '' : `=${downloadName}`];

export function downloadQuery(secret: Secret, key: string, exp: number, downloadName?: string) {
  const query = new URLSearchParams({ exp: String(exp) });
  query.set('sig', mac(secret, downloadParts(key, String(exp), downloadName)));
  if (downloadName !== undefined) query.set('dn', downloadName);
  return query;
}

export function verifyDownloadQuery(secret: Secret, key: string, query: URLSearchParams, clock: Clock) {
  const exp = required(query, 'exp', SECONDS);
  const sig = required(query, 'sig');
  const downloadName = single(query, 'dn');
  if (!sameSignature(mac(secret, downloadParts(key, exp, downloadName)), sig)) throw invalid();
  checkFresh(exp, clock);
  return { downloadName, exp: Number(exp) };
}

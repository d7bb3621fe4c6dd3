import { resolve, sep } from 'node:path';
import { AppError } from '@pf/domain';

const SEGMENT = /^[A-Za-z0-9._-]+$/;
const MAX_KEY_LENGTH = 1024;

const invalidKey = (key: unknown, reason: string) =>
  new AppError('VALIDATION_ERROR', `Invalid object key: ${reason}.`, {
    violations: [{ path: 'key', code: 'invalid_object_key', message: reason }],
    details: { key: typeof key === 'string' ? key.slice(0, 200) : typeof key },
  });

/**
 * Keys are `{storeId}/{kind}/{mediaId}.{ext}`. Both adapters accept only that shape so a key that works
 * locally also works on GCS and vice versa. Segments may not start with a dot: that refuses `.` and `..`
 * and reserves dot-names for the local adapter's temp files and metadata sidecars.
 */
export function parseObjectKey(key: unknown): string[] {
  if (typeof key !== 'string' || key.length === 0) throw invalidKey(key, 'must be a non-empty string');
  if (key.length > MAX_KEY_LENGTH) throw invalidKey(key, `must be at most ${MAX_KEY_LENGTH} characters`);
  if (key.startsWith('/')) throw invalidKey(key, 'must be relative');
  if (key.includes('\\')) throw invalidKey(key, 'must not contain a backslash');
  const segments = key.split('/');
  for (const segment of segments) {
    if (segment.length === 0) throw invalidKey(key, 'must not contain an empty segment');
    if (!SEGMENT.test(segment)) throw invalidKey(key, 'segments may only contain A-Z a-z 0-9 . _ -');
    if (segment.startsWith('.')) throw invalidKey(key, 'segments must not start with a dot');
  }
  return segments;
}

export const isInside = (root: string, candidate: string) => candidate.startsWith(root + sep);

/** The key's path under `root`, checked lexically; symlinks are checked by the callers that touch the disk. */
export function objectPathUnder(root: string, key: string): string {
  parseObjectKey(key);
  const path = resolve(root, key);
  if (!isInside(root, path)) throw invalidKey(key, 'resolves outside the storage root');
  return path;
}

export const keyEscapesRoot = (key: string) => invalidKey(key, 'resolves outside the storage root');

import { randomUUID } from 'node:crypto';
import { lstat, mkdir, readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '@pf/domain';
import { isInside, keyEscapesRoot, objectPathUnder, parseObjectKey } from './object-key';

/**
 * Where the local adapter keeps an object on disk. Every path handed out here has been resolved through
 * realpath and checked against the real root, so a symlink planted inside the root cannot lead a read,
 * write or delete outside it.
 */

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;
export const isMissing = (error: unknown) => errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR';
export const isAlreadyThere = (error: unknown) => errorCode(error) === 'EEXIST';

const within = (realRoot: string, path: string) => path === realRoot || isInside(realRoot, path);

export async function prepareRoot(root: string): Promise<string> {
  await mkdir(root, { recursive: true });
  return realpath(root);
}

/** Dot-names cannot be keys (see parseObjectKey), so sidecars and temp files never collide with objects. */
export const sidecarPath = (dir: string, name: string) => join(dir, `.${name}.meta.json`);
export const tempPath = (dir: string, name: string) => join(dir, `.${name}.${randomUUID()}.tmp`);

export interface ObjectLocation {
  /** Real path of the object's directory. */
  dir: string;
  /** Last key segment: the file name inside `dir`. */
  name: string;
}

/** The object's directory if it exists (null otherwise); the file itself may or may not exist. */
export async function locateObject(realRoot: string, key: string): Promise<ObjectLocation | null> {
  const segments = parseObjectKey(key);
  const lexicalDir = dirname(objectPathUnder(realRoot, key));
  let dir: string;
  try {
    dir = await realpath(lexicalDir);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (!within(realRoot, dir)) throw keyEscapesRoot(key);
  return { dir, name: segments[segments.length - 1] as string };
}

/**
 * Creates the object's directories one level at a time, checking each real path before descending:
 * `mkdir -p` would follow a planted symlink and create directories outside the root before any check.
 */
export async function createObjectDirectory(realRoot: string, key: string): Promise<ObjectLocation> {
  const segments = parseObjectKey(key);
  objectPathUnder(realRoot, key);
  let dir = realRoot;
  for (const segment of segments.slice(0, -1)) {
    const next = join(dir, segment);
    await mkdir(next).catch((error: unknown) => {
      if (!isAlreadyThere(error)) throw error;
    });
    const real = await realpath(next);
    if (!within(realRoot, real)) throw keyEscapesRoot(key);
    if (!(await lstat(real)).isDirectory()) {
      throw new AppError('CONFLICT', 'The object key runs through an existing object.', { details: { key } });
    }
    dir = real;
  }
  return { dir, name: segments[segments.length - 1] as string };
}

/** The object's file (real path) when it exists as a regular file inside the root, else null. */
export async function existingObjectFile(
  realRoot: string,
  key: string,
): Promise<{ path: string; location: ObjectLocation } | null> {
  const location = await locateObject(realRoot, key);
  if (!location) return null;
  let path: string;
  try {
    path = await realpath(join(location.dir, location.name));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  if (!isInside(realRoot, path)) throw keyEscapesRoot(key);
  return (await lstat(path)).isFile() ? { path, location } : null;
}

export async function readContentType(location: ObjectLocation): Promise<string> {
  try {
    const meta = JSON.parse(await readFile(sidecarPath(location.dir, location.name), 'utf8')) as {
      contentType?: unknown;
    };
    return typeof meta.contentType === 'string' ? meta.contentType : FALLBACK_CONTENT_TYPE;
  } catch (error) {
    // The data file is linked into place just before its sidecar, so a reader can briefly see it alone.
    if (isMissing(error)) return FALLBACK_CONTENT_TYPE;
    throw error;
  }
}

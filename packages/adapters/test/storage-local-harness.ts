import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { AppError, type SignedUpload } from '@pf/domain';
import { afterEach, beforeEach, expect } from 'vitest';
import { createLocalObjectStorage, LOCAL_UPLOAD_PATH, type LocalObjectStorage } from '../src';

/** What the local storage test files share: a fresh root per test, a settable clock, signing and PUT helpers. */

export const KEY = 'store-1/product/0b7e4a52-1c1f-4a4e-9d1e-3b7c1f2a9e10.png';
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const START = new Date('2030-01-01T00:00:00Z');
export const in30Minutes = () => new Date(START.getTime() + 30 * 60_000);

export interface LocalStorageHarness {
  /** Temp folder of the test; the storage root is `objects` inside it. */
  dir: string;
  root: string;
  storage: LocalObjectStorage;
  /** The adapter's clock; tests move it to cross expiries. */
  now: Date;
}

type UploadOverrides = Partial<{
  key: string;
  query: URLSearchParams;
  contentType: string | null;
  contentLength: number | null;
  body: Readable | ReadableStream<Uint8Array> | null;
}>;

/** Registers the per-test set-up and tear-down; the returned object is refilled before every test. */
export function useLocalStorage() {
  const harness = { now: START } as LocalStorageHarness;
  beforeEach(async () => {
    harness.dir = await mkdtemp(join(tmpdir(), 'pf-storage-'));
    harness.root = join(harness.dir, 'objects');
    harness.now = START;
    harness.storage = createLocalObjectStorage({
      root: harness.root,
      publicBaseUrl: 'http://localhost:3000/',
      secret: 'local-storage-test-secret-0123456789abcdef',
      clock: { now: () => harness.now },
    });
  });
  afterEach(() => rm(harness.dir, { recursive: true, force: true }));

  const sign = (overrides: Partial<{ key: string; contentType: string; maxBytes: number }> = {}) =>
    harness.storage.signUpload({
      key: KEY,
      contentType: 'image/png',
      maxBytes: 64,
      expiresAt: in30Minutes(),
      ...overrides,
    });
  const put = (signed: SignedUpload, bytes: Uint8Array, overrides: UploadOverrides = {}) =>
    harness.storage.receiveUpload({
      ...split(signed.url, LOCAL_UPLOAD_PATH),
      contentType: signed.headers['Content-Type'] ?? null,
      contentLength: bytes.byteLength,
      body: Readable.from([bytes]),
      ...overrides,
    });
  return { harness, sign, put };
}

export async function filesUnder(path: string): Promise<string[]> {
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => !entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name));
}

/** The key and query of a signed URL under the given route prefix. */
export const split = (url: string, prefix: string) => {
  const parsed = new URL(url);
  expect(parsed.pathname.startsWith(prefix)).toBe(true);
  return { key: parsed.pathname.slice(prefix.length), query: parsed.searchParams };
};

/** The AppError code a promise rejects with. */
export async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

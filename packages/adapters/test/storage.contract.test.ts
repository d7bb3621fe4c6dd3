import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Storage } from '@google-cloud/storage';
import { AppError, type ObjectStorage } from '@pf/domain';
import { afterAll, describe, expect, it } from 'vitest';
import { createGcsObjectStorage, createLocalObjectStorage, type GcsClient, LOCAL_UPLOAD_PATH } from '../src';

interface Harness {
  storage: ObjectStorage;
  /** Puts an object the way a browser would (local) or the way GCS would hold it (in-memory bucket). */
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  close(): Promise<void>;
}

async function localHarness(): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'pf-storage-contract-'));
  const storage = createLocalObjectStorage({
    root: dir,
    publicBaseUrl: 'http://localhost:3000',
    secret: 'contract-test-secret-0123456789abcdef',
  });
  return {
    storage,
    async put(key, bytes, contentType) {
      const signed = await storage.signUpload({
        key,
        contentType,
        maxBytes: 1024,
        expiresAt: new Date(Date.now() + 60_000),
      });
      const url = new URL(signed.url);
      await storage.receiveUpload({
        key: url.pathname.slice(LOCAL_UPLOAD_PATH.length),
        query: url.searchParams,
        contentType,
        contentLength: bytes.byteLength,
        body: Readable.from([bytes]),
      });
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Signing runs through the real library with a throwaway key (offline); objects live in a Map. */
function gcsHarness(): Harness {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const real = new Storage({
    credentials: { client_email: 'signer@pf-test.iam.gserviceaccount.com', private_key: privateKey },
  });
  const objects = new Map<string, { size: string; contentType: string; bytes: Uint8Array }>();
  const missing = () => Object.assign(new Error('No such object'), { code: 404 });
  // What GCS answers to a range that starts past the end (every range of an empty object).
  const unsatisfiable = () => Object.assign(new Error('Requested range not satisfiable'), { code: 416 });
  const client: GcsClient = {
    bucket: (bucket) => ({
      file: (name) => ({
        getSignedUrl: (config) => real.bucket(bucket).file(name).getSignedUrl(config),
        async delete() {
          if (!objects.delete(name)) throw missing();
        },
        async getMetadata() {
          const object = objects.get(name);
          if (!object) throw missing();
          return [{ size: object.size, contentType: object.contentType }];
        },
        async download({ start, end }) {
          const object = objects.get(name);
          if (!object) throw missing();
          if (start >= object.bytes.byteLength) throw unsatisfiable();
          return [Buffer.from(object.bytes.subarray(start, end + 1))];
        },
      }),
    }),
  };
  return {
    storage: createGcsObjectStorage({ bucket: 'pf-media-test', storage: client }),
    async put(key, bytes, contentType) {
      objects.set(key, { size: String(bytes.byteLength), contentType, bytes });
    },
    close: async () => {},
  };
}

const implementations: [string, () => Promise<Harness> | Harness][] = [
  ['local', localHarness],
  ['gcs', gcsHarness],
];

const KEY = 'store-1/product/0b7e4a52-1c1f-4a4e-9d1e-3b7c1f2a9e10.png';
const soon = () => new Date(Date.now() + 10 * 60_000);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error.code;
}

describe.each(implementations)('ObjectStorage contract: %s', async (name, create) => {
  const harness = await create();
  const { storage } = harness;
  afterAll(() => harness.close());

  it('names its kind', () => {
    expect(storage.kind).toBe(name);
  });

  it('signs a PUT bound to the content type, expiring at the requested second', async () => {
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 600_000);
    const signed = await storage.signUpload({ key: KEY, contentType: 'image/png', maxBytes: 1024, expiresAt });
    expect(signed.method).toBe('PUT');
    expect(signed.headers['Content-Type']).toBe('image/png');
    expect(signed.expiresAt).toEqual(expiresAt);
    expect(new URL(signed.url).pathname.endsWith(`/${KEY}`)).toBe(true);
    const download = await storage.signDownload({ key: KEY, expiresAt, downloadName: 'photo.png' });
    expect(new URL(download).pathname.endsWith(`/${KEY}`)).toBe(true);
  });

  it('refuses bad keys, expiries and limits with VALIDATION_ERROR', async () => {
    const upload = { key: KEY, contentType: 'image/png', maxBytes: 1024, expiresAt: soon() };
    for (const change of [
      { key: '../x.png' },
      { key: 'a/../../x.png' },
      { key: '/abs/x.png' },
      { expiresAt: new Date(Date.now() - 1000) },
      { expiresAt: new Date(Date.now() + 8 * 86_400_000) },
      { maxBytes: 1.5 },
      { contentType: 'not a type' },
    ]) {
      expect(await codeOf(storage.signUpload({ ...upload, ...change }))).toBe('VALIDATION_ERROR');
    }
    expect(await codeOf(storage.signDownload({ key: 'a\\b', expiresAt: soon() }))).toBe('VALIDATION_ERROR');
    expect(await codeOf(storage.statObject('%2e%2e/x'))).toBe('VALIDATION_ERROR');
    expect(await codeOf(storage.deleteObject('a//b'))).toBe('VALIDATION_ERROR');
    expect(await codeOf(storage.readHead('../x.png', 16))).toBe('VALIDATION_ERROR');
    for (const bytes of [0, -1, 1.5, 2 * 1024 * 1024]) {
      expect(await codeOf(storage.readHead(KEY, bytes))).toBe('VALIDATION_ERROR');
    }
  });

  it('reads the first bytes of an object, all of a shorter one, nothing of an empty one, null of a missing one', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i % 256);
    expect(await storage.readHead(KEY, 16)).toBeNull();
    await harness.put(KEY, bytes, 'image/png');
    expect(await storage.readHead(KEY, 16)).toEqual(bytes.subarray(0, 16));
    expect(await storage.readHead(KEY, 4100)).toEqual(bytes);
    await storage.deleteObject(KEY);
    expect(await storage.readHead(KEY, 16)).toBeNull();
    await harness.put(KEY, new Uint8Array(0), 'image/png');
    expect(await storage.readHead(KEY, 16)).toEqual(new Uint8Array(0));
    await storage.deleteObject(KEY);
  });

  it('reports a stored object, forgets it once deleted, and tolerates deleting it again', async () => {
    expect(await storage.statObject(KEY)).toBeNull();
    await harness.put(KEY, new Uint8Array(300), 'image/png');
    expect(await storage.statObject(KEY)).toEqual({ sizeBytes: 300, contentType: 'image/png' });
    await storage.deleteObject(KEY);
    expect(await storage.statObject(KEY)).toBeNull();
    await storage.deleteObject(KEY);
  });
});

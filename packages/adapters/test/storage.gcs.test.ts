import { createHash, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { AppError } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { createGcsObjectStorage, type GcsClient, type GcsFile } from '../src';

/** A throwaway service account: the library signs with its private key offline, the test verifies. */
const keyPair = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
const serviceAccount = keyPair();
const CLIENT_EMAIL = 'media-signer@pf-test.iam.gserviceaccount.com';
const BUCKET = 'pf-media-test';
const KEY = 'store-1/license_doc/0b7e4a52-1c1f-4a4e-9d1e-3b7c1f2a9e10.pdf';
// Whole seconds, close to the real time: the library refuses expiries that are past by its own clock.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const in30Minutes = new Date(NOW.getTime() + 30 * 60_000);

const storage = createGcsObjectStorage({
  bucket: BUCKET,
  projectId: 'pf-test',
  credentials: { client_email: CLIENT_EMAIL, private_key: serviceAccount.privateKey },
  clock: { now: () => NOW },
});

/** RFC 3986 percent-encoding, as Google's V4 canonical query string requires. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

/**
 * Rebuilds the V4 canonical request and string-to-sign from what a client would send
 * (https://cloud.google.com/storage/docs/authentication/canonical-requests) and checks X-Goog-Signature.
 */
function verifiesV4(request: SentRequest, publicKey: string | KeyObject = serviceAccount.publicKey): boolean {
  const url = new URL(request.url);
  const params = [...url.searchParams].filter(([name]) => name !== 'X-Goog-Signature');
  const canonicalQuery = params
    .map(([name, value]): [string, string] => [encode(name), encode(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  const sent = new Map(Object.entries(request.headers).map(([name, value]) => [name.toLowerCase(), value]));
  sent.set('host', url.host);
  const signedHeaders = url.searchParams.get('X-Goog-SignedHeaders') ?? '';
  const names = signedHeaders.split(';');
  if (names.some((name) => !sent.has(name))) return false;
  const canonicalHeaders = names
    .map((name) => `${name}:${(sent.get(name) ?? '').trim().replace(/\s+/g, ' ')}\n`)
    .join('');
  const canonicalRequest = [
    request.method,
    url.pathname,
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    'UNSIGNED-PAYLOAD',
  ].join('\n');
  const credential = url.searchParams.get('X-Goog-Credential') ?? '';
  const stringToSign = [
    url.searchParams.get('X-Goog-Algorithm'),
    url.searchParams.get('X-Goog-Date'),
    credential.slice(credential.indexOf('/') + 1),
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  const signature = Buffer.from(url.searchParams.get('X-Goog-Signature') ?? '', 'hex');
  return verify('RSA-SHA256', Buffer.from(stringToSign), publicKey, signature);
}

const withParam = (url: string, name: string, value: string) => {
  const changed = new URL(url);
  changed.searchParams.set(name, value);
  return changed.href;
};

const dateStamp = NOW.toISOString().slice(0, 10).replace(/-/g, '');
const timeStamp = `${NOW.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

describe('GCS object storage: V4 signed upload URL', async () => {
  const signed = await storage.signUpload({
    key: KEY,
    contentType: 'application/pdf',
    maxBytes: 20_971_520,
    expiresAt: in30Minutes,
  });
  const upload: SentRequest = { method: 'PUT', url: signed.url, headers: signed.headers };
  const query = new URL(signed.url).searchParams;

  it('is a path-style URL for the bucket and key, valid until the requested time', () => {
    expect(signed.method).toBe('PUT');
    expect(new URL(signed.url).origin).toBe('https://storage.googleapis.com');
    expect(new URL(signed.url).pathname).toBe(`/${BUCKET}/${KEY}`);
    expect(signed.expiresAt).toEqual(in30Minutes);
    expect(query.get('X-Goog-Algorithm')).toBe('GOOG4-RSA-SHA256');
    expect(query.get('X-Goog-Credential')).toBe(`${CLIENT_EMAIL}/${dateStamp}/auto/storage/goog4_request`);
    expect(query.get('X-Goog-Date')).toBe(timeStamp);
    expect(query.get('X-Goog-Expires')).toBe('1800');
  });

  it('binds the content type, the size range and create-only to headers the browser must send', () => {
    expect(query.get('X-Goog-SignedHeaders')).toBe(
      'content-type;host;x-goog-content-length-range;x-goog-if-generation-match',
    );
    expect(signed.headers).toEqual({
      'Content-Type': 'application/pdf',
      'x-goog-content-length-range': '0,20971520',
      'x-goog-if-generation-match': '0',
    });
  });

  it('verifies with the service account public key', () => {
    expect(verifiesV4(upload)).toBe(true);
  });

  const tampered: [string, SentRequest][] = [
    ['another method', { ...upload, method: 'GET' }],
    ['another key', { ...upload, url: signed.url.replace(KEY, KEY.replace('.pdf', '.png')) }],
    ['another bucket', { ...upload, url: signed.url.replace(BUCKET, 'other-bucket') }],
    ['another content type', { ...upload, headers: { ...signed.headers, 'Content-Type': 'text/html' } }],
    [
      'a larger size range',
      { ...upload, headers: { ...signed.headers, 'x-goog-content-length-range': '0,999999999' } },
    ],
    ['no size range header', { ...upload, headers: { 'Content-Type': 'application/pdf' } }],
    ['a longer lifetime', { ...upload, url: withParam(signed.url, 'X-Goog-Expires', '604800') }],
    ['a later start', { ...upload, url: withParam(signed.url, 'X-Goog-Date', '20990101T000000Z') }],
    [
      'another signer',
      { ...upload, url: withParam(signed.url, 'X-Goog-Credential', `x@y.com/${dateStamp}/auto/storage/goog4_request`) },
    ],
    ['an added query parameter', { ...upload, url: withParam(signed.url, 'generation', '1') }],
    [
      'a flipped signature bit',
      { ...upload, url: withParam(signed.url, 'X-Goog-Signature', flipFirstHexDigit(query)) },
    ],
  ];
  it.each(tampered)('does not verify with %s', (_name, request) => {
    expect(verifiesV4(request)).toBe(false);
  });

  it('does not verify with another key pair', () => {
    expect(verifiesV4(upload, keyPair().publicKey)).toBe(false);
  });
});

function flipFirstHexDigit(query: URLSearchParams): string {
  const signature = query.get('X-Goog-Signature') ?? '';
  return (Number.parseInt(signature.charAt(0), 16) ^ 1).toString(16) + signature.slice(1);
}

describe('GCS object storage: V4 signed download URL', async () => {
  const url = await storage.signDownload({ key: KEY, expiresAt: in30Minutes, downloadName: 'Lab "COA".pdf' });
  const plain = await storage.signDownload({ key: KEY, expiresAt: in30Minutes });

  it('signs only the host and asks for an attachment under the download name', () => {
    const query = new URL(url).searchParams;
    expect(query.get('X-Goog-SignedHeaders')).toBe('host');
    expect(query.get('X-Goog-Expires')).toBe('1800');
    expect(query.get('response-content-disposition')).toBe(
      `attachment; filename="Lab _COA_.pdf"; filename*=UTF-8''Lab%20%22COA%22.pdf`,
    );
    expect(new URL(plain).searchParams.has('response-content-disposition')).toBe(false);
  });

  it('verifies, and stops verifying when the disposition or method changes', () => {
    expect(verifiesV4({ method: 'GET', url, headers: {} })).toBe(true);
    expect(verifiesV4({ method: 'GET', url: plain, headers: {} })).toBe(true);
    expect(
      verifiesV4({ method: 'GET', url: withParam(url, 'response-content-disposition', 'inline'), headers: {} }),
    ).toBe(false);
    expect(verifiesV4({ method: 'PUT', url, headers: {} })).toBe(false);
  });
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('GCS object storage: requests it refuses to sign', () => {
  const upload = { key: KEY, contentType: 'application/pdf', maxBytes: 100, expiresAt: in30Minutes };
  it.each([
    ['a traversal key', { key: '../other-store/x.pdf' }],
    ['an expiry in the past', { expiresAt: new Date(NOW.getTime() - 1000) }],
    ['an expiry beyond seven days', { expiresAt: new Date(NOW.getTime() + 8 * 86_400_000) }],
    ['a zero size limit', { maxBytes: 0 }],
    ['a content type with a line break', { contentType: 'application/pdf\r\nx-evil: 1' }],
  ])('refuses %s with VALIDATION_ERROR', async (_name, change) => {
    expect((await refusal(storage.signUpload({ ...upload, ...change }))).code).toBe('VALIDATION_ERROR');
  });
});

const notFound = () => Object.assign(new Error('No such object'), { code: 404 });

/** An in-memory bucket standing in for the client library. */
function fakeClient(
  objects: Map<string, { size: string; contentType: string }>,
  failure?: Error,
  ranges: { start: number; end: number }[] = [],
): GcsClient {
  const file = (name: string): GcsFile => ({
    async getSignedUrl() {
      if (failure) throw failure;
      return [`https://storage.example/${name}`];
    },
    async delete() {
      if (failure) throw failure;
      if (!objects.delete(name)) throw notFound();
    },
    async getMetadata() {
      if (failure) throw failure;
      const object = objects.get(name);
      if (!object) throw notFound();
      return [object];
    },
    async download(range) {
      if (failure) throw failure;
      ranges.push(range);
      if (!objects.has(name)) throw notFound();
      return [Buffer.alloc(range.end - range.start + 1, 1)];
    },
  });
  return { bucket: () => ({ file }) };
}

describe('GCS object storage: delete and stat', () => {
  it('reads size and type, deletes, and treats a missing object as gone', async () => {
    const objects = new Map([[KEY, { size: '1234', contentType: 'application/pdf' }]]);
    const gcs = createGcsObjectStorage({ bucket: BUCKET, storage: fakeClient(objects) });
    expect(await gcs.statObject(KEY)).toEqual({ sizeBytes: 1234, contentType: 'application/pdf' });
    await gcs.deleteObject(KEY);
    expect(objects.size).toBe(0);
    expect(await gcs.statObject(KEY)).toBeNull();
    await gcs.deleteObject(KEY);
  });

  it('reads an object head with one ranged download, never the whole object', async () => {
    const ranges: { start: number; end: number }[] = [];
    const objects = new Map([[KEY, { size: String(20 * 1024 * 1024), contentType: 'application/pdf' }]]);
    const gcs = createGcsObjectStorage({ bucket: BUCKET, storage: fakeClient(objects, undefined, ranges) });
    expect(await gcs.readHead(KEY, 4100)).toHaveLength(4100);
    expect(ranges).toEqual([{ start: 0, end: 4099 }]);
  });

  it('reports other failures as DEPENDENCY_ERROR', async () => {
    const outage = Object.assign(new Error('backend error'), { code: 503 });
    const gcs = createGcsObjectStorage({ bucket: BUCKET, storage: fakeClient(new Map(), outage) });
    for (const attempt of [
      gcs.statObject(KEY),
      gcs.readHead(KEY, 16),
      gcs.deleteObject(KEY),
      gcs.signDownload({ key: KEY, expiresAt: new Date(Date.now() + 60_000) }),
    ]) {
      const error = await refusal(attempt);
      expect(error.code).toBe('DEPENDENCY_ERROR');
      expect(error.cause).toBe(outage);
    }
  });
});

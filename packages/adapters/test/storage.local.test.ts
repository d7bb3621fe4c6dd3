import { beforeEach, describe, expect, it } from 'vitest';
import { createLocalObjectStorage, LOCAL_DOWNLOAD_PATH } from '../src';
import { filesUnder, in30Minutes, KEY, PNG, refusal, split, useLocalStorage } from './storage-local-harness';

const { harness, sign, put } = useLocalStorage();

async function download(url: string) {
  const opened = await harness.storage.openDownload(split(url, LOCAL_DOWNLOAD_PATH));
  return { ...opened, bytes: Buffer.from(await new Response(opened.stream).arrayBuffer()) };
}

describe('local object storage: round trip', () => {
  it('signs an upload URL served by the web app', async () => {
    const signed = await sign();
    expect(signed.method).toBe('PUT');
    expect(signed.headers).toEqual({ 'Content-Type': 'image/png' });
    expect(signed.expiresAt).toEqual(in30Minutes());
    expect(signed.url.startsWith(`http://localhost:3000/api/storage/upload/${KEY}?`)).toBe(true);
    expect([...new URL(signed.url).searchParams.keys()].sort()).toEqual(['ct', 'exp', 'max', 'sig']);
  });

  it('stores an upload and serves it back through a signed download URL', async () => {
    expect(await put(await sign(), PNG)).toEqual({ key: KEY, sizeBytes: PNG.byteLength, contentType: 'image/png' });
    expect(await harness.storage.statObject(KEY)).toEqual({ sizeBytes: PNG.byteLength, contentType: 'image/png' });

    const plain = await download(await harness.storage.signDownload({ key: KEY, expiresAt: in30Minutes() }));
    expect(plain.bytes.equals(PNG)).toBe(true);
    expect(plain).toMatchObject({ sizeBytes: PNG.byteLength, contentType: 'image/png' });
    expect(plain.downloadName).toBeUndefined();
    expect(plain.headers).toMatchObject({
      'Content-Length': String(PNG.byteLength),
      'X-Content-Type-Options': 'nosniff',
    });
    expect(plain.headers['Content-Disposition']).toBeUndefined();

    const named = await download(
      await harness.storage.signDownload({ key: KEY, expiresAt: in30Minutes(), downloadName: 'Lab "report"\r\n.png' }),
    );
    expect(named.downloadName).toBe('Lab "report"\r\n.png');
    expect(named.headers['Content-Disposition']).toBe(
      `attachment; filename="Lab _report_.png"; filename*=UTF-8''Lab%20%22report%22.png`,
    );
  });

  it('accepts a web ReadableStream body without Content-Length', async () => {
    const body = new Blob([PNG.subarray(0, 5), PNG.subarray(5)]).stream();
    expect(await put(await sign(), PNG, { body, contentLength: null })).toMatchObject({ sizeBytes: PNG.byteLength });
    expect((await download(await harness.storage.signDownload({ key: KEY, expiresAt: in30Minutes() }))).bytes).toEqual(
      PNG,
    );
  });

  it('accepts an empty object', async () => {
    expect(await put(await sign(), new Uint8Array(0), { body: null })).toMatchObject({ sizeBytes: 0 });
    expect(await harness.storage.statObject(KEY)).toEqual({ sizeBytes: 0, contentType: 'image/png' });
  });

  it('deletes an object and its sidecar; deleting a missing object is fine', async () => {
    await put(await sign(), PNG);
    await harness.storage.deleteObject(KEY);
    expect(await harness.storage.statObject(KEY)).toBeNull();
    expect(await filesUnder(harness.root)).toEqual([]);
    await harness.storage.deleteObject(KEY);
    await harness.storage.deleteObject('never/uploaded/here.png');
    const url = await harness.storage.signDownload({ key: KEY, expiresAt: in30Minutes() });
    expect(await refusal(harness.storage.openDownload(split(url, LOCAL_DOWNLOAD_PATH)))).toBe('NOT_FOUND');
  });

  it('lets a URL create its object only once, even when two uploads race', async () => {
    const signed = await sign();
    const results = await Promise.allSettled([put(signed, PNG), put(signed, Buffer.from('other bytes'))]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await refusal(put(signed, PNG))).toBe('CONFLICT');
    expect((await filesUnder(harness.root)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createLocalObjectStorage({ root: harness.root, publicBaseUrl: 'http://x', secret: 'short' })).toThrow(
      /32 bytes/,
    );
  });
});

describe('local object storage: refused downloads', () => {
  beforeEach(async () => {
    await put(await sign(), PNG);
  });

  const signedDownload = () =>
    harness.storage.signDownload({ key: KEY, expiresAt: in30Minutes(), downloadName: 'a.png' });
  const cases: [string, (query: URLSearchParams) => void][] = [
    ['a flipped signature', (q) => q.set('sig', `${q.get('sig')?.slice(0, -1)}A`)],
    ['a changed download name', (q) => q.set('dn', 'b.png')],
    ['a removed download name', (q) => q.delete('dn')],
    ['a later expiry', (q) => q.set('exp', String(Number(q.get('exp')) + 60))],
  ];
  it.each(cases)('refuses %s as SIGNATURE_INVALID', async (_name, change) => {
    const { key, query } = split(await signedDownload(), LOCAL_DOWNLOAD_PATH);
    change(query);
    expect(await refusal(harness.storage.openDownload({ key, query }))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signature used for another key, and an expired URL', async () => {
    const { query } = split(await signedDownload(), LOCAL_DOWNLOAD_PATH);
    expect(await refusal(harness.storage.openDownload({ key: 'store-1/product/x.png', query }))).toBe(
      'SIGNATURE_INVALID',
    );
    harness.now = in30Minutes();
    expect(await refusal(harness.storage.openDownload({ key: KEY, query }))).toBe('SIGNATURE_EXPIRED');
  });
});

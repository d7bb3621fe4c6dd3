import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { SignedUpload } from '@pf/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_DOWNLOAD_PATH } from '../src';
import { filesUnder, in30Minutes, KEY, PNG, refusal, split, useLocalStorage } from './storage-local-harness';

const { harness, sign, put } = useLocalStorage();
let outside: string;
beforeEach(async () => {
  outside = join(harness.dir, 'outside');
  await mkdir(outside);
});

const withQuery = (signed: SignedUpload, change: (query: URLSearchParams) => void) => {
  const query = new URL(signed.url).searchParams;
  change(query);
  return query;
};

describe('local object storage: refused uploads write nothing', () => {
  afterEach(async () => {
    expect(await filesUnder(harness.root)).toEqual([]);
    expect(await filesUnder(outside)).toEqual([]);
  });

  const tamperCases: [string, (query: URLSearchParams) => void][] = [
    ['a flipped signature', (q) => q.set('sig', `${q.get('sig')?.slice(0, -1)}A`)],
    ['a missing signature', (q) => q.delete('sig')],
    ['a raised size limit', (q) => q.set('max', '1000000')],
    ['another content type', (q) => q.set('ct', 'text/html')],
    ['a later expiry', (q) => q.set('exp', String(Number(q.get('exp')) + 3600))],
    ['a duplicated parameter', (q) => q.append('max', '64')],
  ];
  it.each(tamperCases)('refuses %s as SIGNATURE_INVALID', async (_name, change) => {
    const signed = await sign();
    const query = withQuery(signed, change);
    const contentType = query.get('ct');
    expect(await refusal(put(signed, PNG, { query, contentType }))).toBe('SIGNATURE_INVALID');
  });

  it('refuses a signature used for another key', async () => {
    const signed = await sign();
    expect(await refusal(put(signed, PNG, { key: 'store-1/product/other.png' }))).toBe('SIGNATURE_INVALID');
  });

  it('refuses an upload at or after its expiry as SIGNATURE_EXPIRED', async () => {
    const signed = await sign();
    harness.now = new Date(in30Minutes().getTime() - 1000);
    const stillValid = put(signed, PNG);
    await expect(stillValid).resolves.toMatchObject({ key: KEY });
    await harness.storage.deleteObject(KEY);
    harness.now = in30Minutes();
    expect(await refusal(put(signed, PNG))).toBe('SIGNATURE_EXPIRED');
  });

  it.each([['image/jpeg'], ['image/png; charset=binary'], ['IMAGE/PNG'], [null]])(
    'refuses Content-Type %s as UNSUPPORTED_MEDIA_TYPE',
    async (contentType) => {
      expect(await refusal(put(await sign(), PNG, { contentType }))).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('refuses a Content-Length above the limit before reading the body', async () => {
    let pulled = false;
    // highWaterMark 0: the stream pulls only when someone reads it.
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    expect(await refusal(put(await sign(), PNG, { contentLength: 65, body }))).toBe('PAYLOAD_TOO_LARGE');
    expect(pulled).toBe(false);
  });

  it.each([[10], [null]])('stops an oversize body whose Content-Length is %s', async (contentLength) => {
    let chunksSent = 0;
    async function* endless() {
      for (;;) {
        chunksSent++;
        yield new Uint8Array(16);
      }
    }
    const body = Readable.from(endless());
    expect(await refusal(put(await sign(), PNG, { contentLength, body }))).toBe('PAYLOAD_TOO_LARGE');
    expect(chunksSent).toBeLessThan(10);
  });

  it('refuses a body shorter than its Content-Length', async () => {
    expect(await refusal(put(await sign(), PNG, { contentLength: PNG.byteLength + 1 }))).toBe('VALIDATION_ERROR');
  });

  it('refuses a failing body stream and leaves no temp file', async () => {
    async function* broken() {
      yield PNG;
      throw new Error('client went away');
    }
    await expect(put(await sign(), PNG, { body: Readable.from(broken()) })).rejects.toThrow('client went away');
  });
});

describe('local object storage: keys and paths', () => {
  const badKeys = ['../x', 'a/../../x', '%2e%2e/x', 'a/%2e%2e/b', '/etc/passwd', 'a\\b', '..\\x', '', 'a//b'];
  const moreBadKeys = ['a/', '.hidden/x.png', 'a/./b', 'C:/x', 'a/b c.png', 'ü.png'];

  it.each([...badKeys, ...moreBadKeys])('refuses key %j everywhere', async (key) => {
    expect(await refusal(sign({ key }))).toBe('VALIDATION_ERROR');
    expect(await refusal(harness.storage.signDownload({ key, expiresAt: in30Minutes() }))).toBe('VALIDATION_ERROR');
    expect(await refusal(harness.storage.statObject(key))).toBe('VALIDATION_ERROR');
    expect(await refusal(harness.storage.deleteObject(key))).toBe('VALIDATION_ERROR');
    const signed = await sign();
    expect(await refusal(put(signed, PNG, { key }))).toBe('VALIDATION_ERROR');
    expect(await refusal(harness.storage.openDownload({ key, query: new URLSearchParams() }))).toBe('VALIDATION_ERROR');
    expect(await filesUnder(harness.dir)).toEqual([]);
  });

  it('refuses to write through a symlink that leads outside the root', async () => {
    await mkdir(join(harness.root, 'store-1'), { recursive: true });
    await symlink(outside, join(harness.root, 'store-1', 'product'));
    await symlink(outside, join(harness.root, 'escape'));
    expect(await refusal(put(await sign(), PNG))).toBe('VALIDATION_ERROR');
    const nested = await sign({ key: 'escape/deeper/x.png' });
    expect(await refusal(put(nested, PNG))).toBe('VALIDATION_ERROR');
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses to read, stat or delete through a symlink that leads outside the root', async () => {
    await writeFile(join(outside, 'secret.png'), 'not yours');
    await mkdir(join(harness.root, 'store-1', 'product'), { recursive: true });
    await symlink(join(outside, 'secret.png'), join(harness.root, 'store-1', 'product', 'leak.png'));
    await symlink(outside, join(harness.root, 'escape'));
    for (const key of ['store-1/product/leak.png', 'escape/secret.png']) {
      const url = await harness.storage.signDownload({ key, expiresAt: in30Minutes() });
      expect(await refusal(harness.storage.openDownload(split(url, LOCAL_DOWNLOAD_PATH)))).toBe('VALIDATION_ERROR');
      expect(await refusal(harness.storage.statObject(key))).toBe('VALIDATION_ERROR');
    }
    expect(await refusal(harness.storage.deleteObject('escape/secret.png'))).toBe('VALIDATION_ERROR');
    expect(await readFile(join(outside, 'secret.png'), 'utf8')).toBe('not yours');
  });
});

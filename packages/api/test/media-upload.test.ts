import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { media } from '@pf/db';
import { MAX_MEDIA_BYTES } from '@pf/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestClock, failureOf, registerOwner, signIn, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { deliverMediaEvents, PDF_BYTES, pngBytes, startStorageServer } from './media-helpers';

const clock = createTestClock();
let server: Awaited<ReturnType<typeof startStorageServer>>;
let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;

beforeAll(async () => {
  server = await startStorageServer();
  app = await createTestApp({ ...RELAXED_LIMITS, APP_URL: server.baseUrl }, { clock });
  server.attach(app);
  owner = await registerOwner(app);
});
afterAll(async () => {
  await app.close();
  await server.close();
});

const mediaApi = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller.media;
const mediaCount = async () => (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(media))[0]?.n;
const put = (url: string, body: BodyInit, contentType = 'image/png', init: RequestInit = {}) =>
  fetch(url, { method: 'PUT', body, headers: { 'Content-Type': contentType }, ...init } as RequestInit);

/** A PUT whose path is sent byte for byte (no URL normalization), answered as status and JSON body. */
function rawPut(path: string, body: Buffer) {
  const { port } = new URL(server.baseUrl);
  return new Promise<{ status: number; body: { code?: string } }>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'PUT', path, headers: { 'Content-Type': 'image/png' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function requestUpload(bytes: Buffer, overrides: Record<string, unknown> = {}) {
  return mediaApi(owner.token).createUpload({
    kind: 'product',
    mimeType: 'image/png',
    fileName: 'Front Label.PNG',
    sizeBytes: bytes.length,
    ...overrides,
  });
}

describe('an upload over real HTTP with the local adapter', () => {
  it('goes pending → PUT → consumer → uploaded, and reads the same bytes back', async () => {
    const bytes = pngBytes(300);
    const upload = await requestUpload(bytes);
    expect(upload.uploadUrl.startsWith(`${server.baseUrl}/api/storage/upload/${owner.storeId}/product/`)).toBe(true);
    expect(upload.key).toBe(`${owner.storeId}/product/${upload.mediaId}.png`);
    expect(upload.headers).toMatchObject({ 'Content-Type': 'image/png' });

    const pending = await mediaApi(owner.token).get({ mediaId: upload.mediaId });
    expect(pending).toMatchObject({ status: 'pending', url: null, fileName: 'Front-Label.PNG', mimeType: 'image/png' });
    const early = await failureOf(mediaApi(owner.token).readUrl({ mediaId: upload.mediaId }));
    expect(early).toMatchObject({ code: 'STATE_CONFLICT', message: 'media upload pending' });

    const stored = await put(upload.uploadUrl, bytes, upload.headers['Content-Type']);
    expect(stored.status).toBe(200);
    expect(await deliverMediaEvents(app)).toBeGreaterThanOrEqual(1);

    const uploaded = await mediaApi(owner.token).get({ mediaId: upload.mediaId });
    expect(uploaded).toMatchObject({ status: 'uploaded', sizeBytes: 300 });
    expect(uploaded.uploadedAt).not.toBeNull();
    const { url } = await mediaApi(owner.token).readUrl({ mediaId: upload.mediaId });
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('gives private kinds a short read URL and public kinds a longer, cache-friendly one', async () => {
    const pdf = PDF_BYTES;
    const coa = await requestUpload(pdf, { kind: 'coa', mimeType: 'application/pdf', fileName: 'coa.pdf' });
    expect((await put(coa.uploadUrl, pdf, 'application/pdf')).status).toBe(200);
    const photo = await requestUpload(pngBytes(40));
    expect((await put(photo.uploadUrl, pngBytes(40))).status).toBe(200);
    await deliverMediaEvents(app);

    const now = clock.now().getTime();
    const privateUrl = await mediaApi(owner.token).readUrl({ mediaId: coa.mediaId });
    const privateSeconds = (Date.parse(privateUrl.expiresAt) - now) / 1000;
    expect(privateSeconds).toBeGreaterThan(890);
    expect(privateSeconds).toBeLessThanOrEqual(900);
    const publicUrl = await mediaApi(owner.token).readUrl({ mediaId: photo.mediaId });
    const publicSeconds = (Date.parse(publicUrl.expiresAt) - now) / 1000;
    expect(publicSeconds).toBeGreaterThan(86_400 * 0.75 - 1);
    expect(publicSeconds).toBeLessThanOrEqual(86_400);
    // Same quarter-day window, same URL: browsers can cache store and product images.
    expect((await mediaApi(owner.token).readUrl({ mediaId: photo.mediaId })).url).toBe(publicUrl.url);
  });

  it('lists newest first with filters and a keyset cursor; only stored files carry a URL', async () => {
    const other = await registerOwner(app);
    // A fresh Idempotency-Key per call, as the web client sends.
    const api = {
      createUpload: (input: Parameters<ReturnType<typeof mediaApi>['createUpload']>[0]) =>
        mediaApi(other.token).createUpload(input),
      list: (input: Parameters<ReturnType<typeof mediaApi>['list']>[0]) => mediaApi(other.token).list(input),
    };
    const first = await api.createUpload({ kind: 'store', mimeType: 'image/png', fileName: 'logo.png', sizeBytes: 40 });
    clock.advance(1000);
    const second = await api.createUpload({
      kind: 'coa',
      mimeType: 'application/pdf',
      fileName: 'lab.pdf',
      sizeBytes: 5,
    });
    clock.advance(1000);
    const third = await api.createUpload({
      kind: 'store',
      mimeType: 'image/png',
      fileName: 'banner.png',
      sizeBytes: 40,
    });
    expect((await put(third.uploadUrl, pngBytes(40))).status).toBe(200);
    await deliverMediaEvents(app);

    const all = await api.list({});
    expect(all.items.map((item) => item.id)).toEqual([third.mediaId, second.mediaId, first.mediaId]);
    expect(all.items.map((item) => item.url !== null)).toEqual([true, false, false]);
    expect((await api.list({ kind: 'store' })).items.map((item) => item.id)).toEqual([third.mediaId, first.mediaId]);
    expect((await api.list({ status: 'pending' })).items).toHaveLength(2);
    expect((await api.list({ search: 'LAB' })).items.map((item) => item.id)).toEqual([second.mediaId]);
    expect((await api.list({ search: '%' })).items).toEqual([]);
    const page1 = await api.list({ limit: 2 });
    expect(page1.items.map((item) => item.id)).toEqual([third.mediaId, second.mediaId]);
    const page2 = await api.list({ limit: 2, cursor: page1.nextCursor });
    expect(page2).toMatchObject({ items: [{ id: first.mediaId }], nextCursor: null });
    expect((await failureOf(api.list({ cursor: 'garbage' }))).code).toBe('VALIDATION_ERROR');
  });
});

describe('refused upload requests store nothing', () => {
  it.each([
    [
      'a type the kind does not take',
      { kind: 'store', mimeType: 'application/pdf', fileName: 'a.pdf' },
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['an extension that contradicts the type', { fileName: 'photo.pdf' }, 'UNSUPPORTED_MEDIA_TYPE'],
    ['a declared size over 20 MiB', { sizeBytes: MAX_MEDIA_BYTES + 1 }, 'PAYLOAD_TOO_LARGE'],
    ['an empty file name', { fileName: '../' }, 'VALIDATION_ERROR'],
  ])('refuses %s (%s)', async (_name, overrides, code) => {
    const before = await mediaCount();
    const failure = await failureOf(requestUpload(pngBytes(10), overrides));
    expect(failure.code).toBe(code);
    expect(await mediaCount()).toBe(before);
  });
});

describe('refused PUTs store nothing', () => {
  async function freshUpload(size = 10) {
    const upload = await requestUpload(pngBytes(size));
    return { ...upload, stat: () => app.deps.storage.statObject(upload.key) };
  }
  const codeOf = async (response: Response) => ((await response.json()) as { code: string }).code;

  it('refuses a body larger than declared, with or without Content-Length (413)', async () => {
    const upload = await freshUpload(10);
    const declared = await put(upload.uploadUrl, pngBytes(11));
    expect([declared.status, await codeOf(declared)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pngBytes(8));
        controller.enqueue(pngBytes(8));
        controller.close();
      },
    });
    const streamed = await put(upload.uploadUrl, chunked, 'image/png', { duplex: 'half' } as RequestInit);
    expect([streamed.status, await codeOf(streamed)]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await upload.stat()).toBeNull();
  });

  it('refuses another Content-Type than the signed one (415)', async () => {
    const upload = await freshUpload();
    const response = await put(upload.uploadUrl, pngBytes(10), 'image/jpeg');
    expect([response.status, await codeOf(response)]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
    expect(await upload.stat()).toBeNull();
  });

  it('refuses a tampered signature and an expired URL (403)', async () => {
    const upload = await freshUpload();
    const tampered = new URL(upload.uploadUrl);
    tampered.searchParams.set('max', String(MAX_MEDIA_BYTES));
    const forged = await put(tampered.toString(), pngBytes(10));
    expect([forged.status, await codeOf(forged)]).toEqual([403, 'SIGNATURE_INVALID']);
    clock.advance((app.deps.config.UPLOAD_URL_TTL_SECONDS + 1) * 1000);
    const late = await put(upload.uploadUrl, pngBytes(10));
    expect([late.status, await codeOf(late)]).toEqual([403, 'SIGNATURE_EXPIRED']);
    expect(await upload.stat()).toBeNull();
    // The access token aged with the clock: sign in again for the tests that follow.
    owner.token = (await signIn(app, owner.input.email, owner.input.password, freshIp())).token;
  });

  it("does not let store A's signed URL write B's key, nor a key outside the root (path traversal)", async () => {
    const upload = await freshUpload();
    const other = await registerOwner(app);
    const otherUpload = await mediaApi(other.token).createUpload({
      kind: 'product',
      mimeType: 'image/png',
      fileName: 'b.png',
      sizeBytes: 10,
    });
    const swapped = new URL(upload.uploadUrl);
    swapped.pathname = `/api/storage/upload/${otherUpload.key}`;
    const crossed = await put(swapped.toString(), pngBytes(10));
    expect([crossed.status, await codeOf(crossed)]).toEqual([403, 'SIGNATURE_INVALID']);
    expect(await app.deps.storage.statObject(otherUpload.key)).toBeNull();

    // fetch() would normalize `..` away; a raw request sends the path exactly as an attacker would.
    const query = new URL(upload.uploadUrl).search;
    for (const path of [`${owner.storeId}/../../escape.png`, `${owner.storeId}/%2E%2E%2F%2E%2E%2Fescape.png`]) {
      const response = await rawPut(`/api/storage/upload/${path}${query}`, pngBytes(10));
      expect([response.status, response.body.code]).toEqual([400, 'VALIDATION_ERROR']);
    }
    expect(existsSync(join(app.deps.config.STORAGE_ROOT ?? '', '..', 'escape.png'))).toBe(false);
    expect(await upload.stat()).toBeNull();
  });

  it('accepts one PUT per URL; a replay is a conflict and the first bytes stay', async () => {
    const upload = await freshUpload(40);
    expect((await put(upload.uploadUrl, pngBytes(40))).status).toBe(200);
    const replay = await put(upload.uploadUrl, pngBytes(39));
    expect([replay.status, await codeOf(replay)]).toEqual([409, 'CONFLICT']);
    expect(await upload.stat()).toEqual({ sizeBytes: 40, contentType: 'image/png' });
    await deliverMediaEvents(app);
    const [row] = await app.deps.db.select().from(media).where(eq(media.id, upload.mediaId));
    expect(row).toMatchObject({ status: 'uploaded', sizeBytes: 40 });
  });
});

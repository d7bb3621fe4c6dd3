import { randomUUID } from 'node:crypto';
import type { MediaKind } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { licenseInput } from './license-helpers';
import {
  deliverMediaEvents,
  HTML_BYTES,
  JPEG_BYTES,
  PDF_BYTES,
  pngBytes,
  startStorageServer,
  WEBP_BYTES,
} from './media-helpers';

/** Uploads are checked against their first bytes, not only their declared type (issue 10, item 7). */

let server: Awaited<ReturnType<typeof startStorageServer>>;
let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;

beforeAll(async () => {
  server = await startStorageServer();
  app = await createTestApp({ ...RELAXED_LIMITS, APP_URL: server.baseUrl });
  server.attach(app);
  owner = await registerOwner(app);
});
afterAll(async () => {
  await app.close();
  await server.close();
});

const api = () => app.call({ token: owner.token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;

/** The browser's whole flow: request a signed URL, PUT the bytes over HTTP, let the worker finalize. */
async function upload(kind: MediaKind, mimeType: string, fileName: string, bytes: Buffer) {
  const target = await api().media.createUpload({ kind, mimeType, fileName, sizeBytes: bytes.length });
  const response = await fetch(target.uploadUrl, {
    method: 'PUT',
    body: new Uint8Array(bytes),
    headers: target.headers,
  });
  expect(response.status).toBe(200);
  await deliverMediaEvents(app);
  return { ...(await api().media.get({ mediaId: target.mediaId })), key: target.key };
}

describe('finalize sniffs the stored bytes', () => {
  it.each([
    ['a PNG product image', 'product', 'image/png', 'front.png', pngBytes(2000)],
    ['a JPEG product image', 'product', 'image/jpeg', 'front.jpg', JPEG_BYTES],
    ['a WebP store logo', 'store', 'image/webp', 'logo.webp', WEBP_BYTES],
    ['a PDF license document', 'license_doc', 'application/pdf', 'license.pdf', PDF_BYTES],
    ['a PNG license document (photo of the license)', 'license_doc', 'image/png', 'license.png', pngBytes()],
  ] as const)('accepts %s', async (_name, kind, mimeType, fileName, bytes) => {
    const stored = await upload(kind, mimeType, fileName, bytes);
    expect(stored).toMatchObject({ status: 'uploaded', failure: null, sizeBytes: bytes.length });
    expect(await app.deps.storage.statObject(stored.key)).not.toBeNull();
  });

  it('refuses HTML declared as image/png, says why, and deletes the object', async () => {
    const stored = await upload('product', 'image/png', 'innocent.png', HTML_BYTES);
    expect(stored.status).toBe('failed');
    expect(stored.url).toBeNull();
    expect(stored.failure).toEqual({
      code: 'MEDIA_CONTENT_MISMATCH',
      message: "The file's content is not a PNG image: its format is not recognised.",
    });
    expect(await app.deps.storage.statObject(stored.key)).toBeNull();
    expect(await failureOf(api().media.readUrl({ mediaId: stored.id }))).toMatchObject({ code: 'STATE_CONFLICT' });
  });

  it('refuses PNG bytes declared as a PDF license document, and a license cannot be filed on them', async () => {
    const stored = await upload('license_doc', 'application/pdf', 'license.pdf', pngBytes());
    expect(stored.failure).toEqual({
      code: 'MEDIA_CONTENT_MISMATCH',
      message: "The file's content is a PNG image, not a PDF.",
    });
    expect(await app.deps.storage.statObject(stored.key)).toBeNull();
    const refused = await failureOf(api().licenses.create(licenseInput(stored.id)));
    expect(refused).toMatchObject({ code: 'MEDIA_CONTENT_MISMATCH', message: stored.failure?.message });
    expect((await api().licenses.list({})).items).toEqual([]);
  });

  it('refuses one image format declared as another, and attaching it as a logo says why', async () => {
    const stored = await upload('store', 'image/png', 'logo.png', JPEG_BYTES);
    expect(stored.failure).toEqual({
      code: 'MEDIA_CONTENT_MISMATCH',
      message: "The file's content is a JPEG image, not a PNG image.",
    });
    const refused = await failureOf(api().store.setLogo({ mediaId: stored.id }));
    expect(refused.code).toBe('MEDIA_CONTENT_MISMATCH');
  });
});

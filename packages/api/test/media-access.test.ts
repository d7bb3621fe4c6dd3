import { randomUUID } from 'node:crypto';
import { createGcsObjectStorage, type GcsClient } from '@pf/adapters';
import { media, stores } from '@pf/db';
import type { ObjectStorage } from '@pf/domain';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emit } from '../src/events/emit';
import { handleStorageDownload, handleStorageUpload } from '../src/http/storage';
import { createUpload } from '../src/services/media/create-upload';
import { createAdmin, createTestApp, failureOf, registerOwner, type TestApp, uniqueEmail } from '../src/testing';
import { addMember, freshIp, RELAXED_LIMITS } from './helpers';
import { deliverMediaEvents, insertMediaRow, pngBytes, storeObject } from './media-helpers';

let app: TestApp;
let ownerA: Awaited<ReturnType<typeof registerOwner>>;
let ownerB: Awaited<ReturnType<typeof registerOwner>>;
let staffB: string;
let admin: string;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  ownerA = await registerOwner(app);
  ownerB = await registerOwner(app);
  staffB = (await addMember(app, ownerB.token, ownerB.storeId, 'staff')).token;
  admin = (await createAdmin(app, { email: uniqueEmail('media-admin'), ip: freshIp() })).token;
});
afterAll(() => app.close());

const caller = (token: string) => app.call({ token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
const rowOf = async (id: string) => (await app.deps.db.select().from(media).where(eq(media.id, id)))[0];

describe('tenancy', () => {
  it("refuses B's members reading or deleting A's media (NOT_FOUND, as a random id) and changes nothing", async () => {
    const file = await insertMediaRow(app, ownerA.storeId);
    for (const token of [ownerB.token, staffB]) {
      expect((await failureOf(caller(token).media.get({ mediaId: file.id }))).code).toBe('NOT_FOUND');
      expect((await failureOf(caller(token).media.readUrl({ mediaId: file.id }))).code).toBe('NOT_FOUND');
      expect((await failureOf(caller(token).media.delete({ mediaId: file.id }))).code).toBe('NOT_FOUND');
    }
    expect((await rowOf(file.id))?.status).toBe('uploaded');
    expect((await failureOf(caller(ownerA.token).media.get({ mediaId: randomUUID() }))).code).toBe('NOT_FOUND');
  });

  it("refuses attaching A's image as B's logo, and leaves B's logo as it was", async () => {
    const file = await insertMediaRow(app, ownerA.storeId, { kind: 'store' });
    const failure = await failureOf(caller(ownerB.token).store.setLogo({ mediaId: file.id }));
    expect(failure).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'mediaId' }] });
    const [b] = await app.deps.db.select().from(stores).where(eq(stores.id, ownerB.storeId));
    expect(b?.logoMediaId).toBeNull();
  });

  it('lets a system admin read any store’s media', async () => {
    const file = await insertMediaRow(app, ownerA.storeId, { kind: 'coa', mimeType: 'application/pdf' });
    expect(await caller(admin).media.get({ mediaId: file.id })).toMatchObject({ id: file.id, storeId: ownerA.storeId });
    expect((await caller(admin).media.readUrl({ mediaId: file.id })).url).toContain(file.objectKey);
  });
});

describe('finalize', () => {
  async function finalize(objectKey: string, sizeBytes: number, contentType: string) {
    await app.deps.db.transaction((tx) =>
      emit(tx, {
        type: 'media_object_finalized',
        aggregateId: objectKey,
        data: { object_key: objectKey, size_bytes: sizeBytes, content_type: contentType },
        occurredAt: new Date(),
      }),
    );
    await deliverMediaEvents(app);
  }

  it('marks a smaller-than-declared object uploaded with its stored size; a repeat changes nothing', async () => {
    const file = await insertMediaRow(app, ownerA.storeId, { status: 'pending', sizeBytes: 64 });
    await storeObject(app, file.objectKey, 'image/png', pngBytes(40));
    await finalize(file.objectKey, 40, 'image/png');
    const uploaded = await rowOf(file.id);
    expect(uploaded).toMatchObject({ status: 'uploaded', sizeBytes: 40 });
    await finalize(file.objectKey, 41, 'image/png');
    expect(await rowOf(file.id)).toEqual(uploaded);
  });

  it.each([
    ['larger than declared', 9, 'image/png'],
    ['of another content type', 8, 'image/gif'],
    ['empty', 0, 'image/png'],
  ])('fails media whose stored object is %s, and deletes the object', async (_name, size, type) => {
    const file = await insertMediaRow(app, ownerA.storeId, { status: 'pending' });
    await storeObject(app, file.objectKey, type, pngBytes(Math.max(size, 1)));
    await finalize(file.objectKey, size, type);
    expect((await rowOf(file.id))?.status).toBe('failed');
    expect(await app.deps.storage.statObject(file.objectKey)).toBeNull();
  });

  it('ignores an object no media row knows', async () => {
    const before = (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(media))[0]?.n;
    await finalize(`${ownerA.storeId}/product/${randomUUID()}.png`, 5, 'image/png');
    expect((await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(media))[0]?.n).toBe(before);
  });
});

describe('storage failures and drivers', () => {
  it('removes the pending row and answers DEPENDENCY_ERROR when signing fails', async () => {
    const broken: ObjectStorage = {
      ...app.deps.storage,
      kind: 'local',
      signUpload: () => Promise.reject(new Error('disk full')),
    };
    const before = (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(media))[0]?.n;
    const store = {
      id: ownerA.storeId,
      name: 'A',
      type: 'vendor' as const,
      role: 'owner' as const,
      kycStatus: 'pending_verification' as const,
    };
    const input = { kind: 'product' as const, mimeType: 'image/png', fileName: 'a.png', sizeBytes: 5 };
    const error = await createUpload({ ...app.deps, storage: broken }, ownerA.userId, store, input).catch((e) => e);
    expect(error).toMatchObject({ code: 'DEPENDENCY_ERROR' });
    expect((await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(media))[0]?.n).toBe(before);
  });

  it('answers 404 on the local storage routes when objects live in GCS', async () => {
    const client: GcsClient = { bucket: () => ({ file: () => ({}) as never }) };
    const deps = { ...app.deps, storage: createGcsObjectStorage({ bucket: 'pf-test', storage: client }) };
    const upload = await handleStorageUpload(
      deps,
      new Request('http://x/api/storage/upload/a/b/c.png', { method: 'PUT' }),
      ['a', 'b', 'c.png'],
    );
    const download = await handleStorageDownload(deps, new Request('http://x/api/storage/object/a/b/c.png'), [
      'a',
      'b',
      'c.png',
    ]);
    expect([upload.status, download.status]).toEqual([404, 404]);
    expect(await upload.json()).toEqual({ code: 'NOT_FOUND', message: 'Not found.' });
  });
});

import { randomUUID } from 'node:crypto';
import { auditLog, media, mediaAttachments, outboxEvents, productMedia, products, stores, users } from '@pf/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaDeleterConsumer } from '../src/consumers/media';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { deliverMediaEvents, insertMediaRow, pngBytes, storeObject } from './media-helpers';

let app: TestApp;
let owner: Awaited<ReturnType<typeof registerOwner>>;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  owner = await registerOwner(app);
});
afterAll(() => app.close());

const caller = () => app.call({ token: owner.token, idempotencyKey: randomUUID(), ip: freshIp() }).caller;
const mediaRow = async (id: string) => (await app.deps.db.select().from(media).where(eq(media.id, id)))[0];
const usagesOf = (mediaId: string) =>
  app.deps.db
    .select({ entityType: mediaAttachments.entityType, entityId: mediaAttachments.entityId })
    .from(mediaAttachments)
    .where(eq(mediaAttachments.mediaId, mediaId));
const storeRow = async () => (await app.deps.db.select().from(stores).where(eq(stores.id, owner.storeId)))[0];

/** A `store` image with bytes in storage, as the upload flow leaves it. */
async function storedImage(kind: 'store' | 'product' | 'coa' | 'user' = 'store') {
  const mimeType = kind === 'coa' ? 'application/pdf' : 'image/png';
  const file = await insertMediaRow(app, owner.storeId, { kind, mimeType, userId: owner.userId });
  await storeObject(app, file.objectKey, mimeType, pngBytes(8));
  return file;
}

describe('deleting media attached as the store logo', () => {
  it('detaches the logo, deletes the attachment, the object and the row; a redelivery does nothing more', async () => {
    const logo = await storedImage();
    const set = await caller().store.setLogo({ mediaId: logo.id });
    expect(set).toMatchObject({ logoMediaId: logo.id });
    expect(set.logoUrl).toContain(logo.objectKey);
    expect(await usagesOf(logo.id)).toEqual([{ entityType: 'store_logo', entityId: owner.storeId }]);
    expect((await caller().store.me.get()).logoUrl).toContain(logo.objectKey);

    expect(await caller().media.delete({ mediaId: logo.id })).toEqual({ mediaId: logo.id, status: 'delete_requested' });
    // Asking twice is harmless: still one event.
    await caller().media.delete({ mediaId: logo.id });
    expect((await mediaRow(logo.id))?.status).toBe('delete_requested');
    expect(await app.deps.storage.statObject(logo.objectKey)).not.toBeNull();

    await dispatchOutboxBatch(app.deps);
    const deliveries: Parameters<Parameters<typeof app.deps.transport.receive>[2]>[0][] = [];
    const process = createDeliveryProcessor(app.deps, mediaDeleterConsumer);
    await app.deps.transport.receive('media-deleter', 10, async (message, tx) => {
      deliveries.push(message);
      return process(message, tx);
    });
    expect(deliveries.map((message) => message.eventType)).toEqual(['media_deleted']);

    expect(await storeRow()).toMatchObject({ logoMediaId: null });
    expect(await usagesOf(logo.id)).toEqual([]);
    expect(await app.deps.storage.statObject(logo.objectKey)).toBeNull();
    expect(await mediaRow(logo.id)).toBeUndefined();

    // The same message again (at-least-once delivery): the receipt stops a second run.
    const [again] = deliveries;
    if (!again) throw new Error('no delivery recorded');
    expect(await app.deps.db.transaction((tx) => process(again, tx))).toEqual({ kind: 'ack' });
    expect(await mediaRow(logo.id)).toBeUndefined();
    const audit = await app.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.targetId, logo.id));
    expect(audit).toEqual([{ action: 'media.delete_requested' }]);
  });
});

describe('deleting an image with a grid-size rendition', () => {
  it('deletes the rendition stored beside it along with the original', async () => {
    const picture = await storedImage('product');
    const thumbnailKey = picture.objectKey.replace(/\.png$/, '.thumb.png');
    await storeObject(app, thumbnailKey, 'image/png', pngBytes(4));
    await app.deps.db.update(media).set({ thumbnailKey }).where(eq(media.id, picture.id));

    await caller().media.delete({ mediaId: picture.id });
    await deliverMediaEvents(app);

    expect(await mediaRow(picture.id)).toBeUndefined();
    expect(await app.deps.storage.statObject(picture.objectKey)).toBeNull();
    expect(await app.deps.storage.statObject(thumbnailKey)).toBeNull();
  });
});

describe('protected media', () => {
  it('refuses deleting media a license uses (CONFLICT naming it) and emits nothing', async () => {
    const document = await insertMediaRow(app, owner.storeId, { kind: 'license_doc', mimeType: 'application/pdf' });
    const licenseId = randomUUID();
    await app.deps.db.insert(mediaAttachments).values({
      mediaId: document.id,
      entityType: 'license',
      entityId: licenseId,
      storeId: owner.storeId,
      objectKey: document.objectKey,
    });
    const failure = await failureOf(caller().media.delete({ mediaId: document.id }));
    expect(failure.code).toBe('CONFLICT');
    expect(failure.message).toBe(`media has protected attachments: license ${licenseId}`);
    expect((await mediaRow(document.id))?.status).toBe('uploaded');
    const events = await app.deps.db
      .select()
      .from(outboxEvents)
      .where(and(eq(outboxEvents.eventType, 'media_deleted'), eq(outboxEvents.aggregateId, document.id)));
    expect(events).toEqual([]);
  });
});

describe('attachments', () => {
  it('only attaches readable media of the right kind', async () => {
    const pending = await insertMediaRow(app, owner.storeId, { status: 'pending' });
    expect(await failureOf(caller().store.setBanner({ mediaId: pending.id }))).toMatchObject({
      code: 'STATE_CONFLICT',
      message: 'media upload pending',
    });
    const product = await insertMediaRow(app, owner.storeId, { kind: 'product' });
    expect(await failureOf(caller().store.setBanner({ mediaId: product.id }))).toMatchObject({
      code: 'VALIDATION_ERROR',
      violations: [{ path: 'mediaId' }],
    });
    expect((await storeRow())?.bannerMediaId).toBeNull();
  });

  it('replacing and clearing a banner keeps exactly one attachment, then none', async () => {
    const first = await storedImage();
    const second = await storedImage();
    await caller().store.setBanner({ mediaId: first.id });
    await caller().store.setBanner({ mediaId: second.id });
    expect(await usagesOf(first.id)).toEqual([]);
    expect(await usagesOf(second.id)).toEqual([{ entityType: 'store_banner', entityId: owner.storeId }]);
    expect(await caller().store.setBanner({ mediaId: null })).toMatchObject({ bannerMediaId: null, bannerUrl: null });
    expect(await usagesOf(second.id)).toEqual([]);
  });

  it('detaches an avatar, a gallery image (renumbering the rest) and a COA when their media is deleted', async () => {
    const avatar = await storedImage('user');
    expect((await caller().auth.setAvatar({ mediaId: avatar.id })).avatarUrl).toContain(avatar.objectKey);
    const [product] = await app.deps.db
      .insert(products)
      .values({
        storeId: owner.storeId,
        sku: 'SKU-1',
        title: 'Gallery',
        category: 'flower',
        unit: 'gram',
        priceCents: 100,
      })
      .returning({ id: products.id });
    if (!product) throw new Error('product insert failed');
    const gallery = [await storedImage('product'), await storedImage('product'), await storedImage('product')];
    const coa = await storedImage('coa');
    await app.deps.db.insert(productMedia).values(
      gallery.map((file, position) => ({
        productId: product.id,
        mediaId: file.id,
        objectKey: file.objectKey,
        position,
      })),
    );
    await app.deps.db.update(products).set({ coaMediaId: coa.id }).where(eq(products.id, product.id));
    await app.deps.db.insert(mediaAttachments).values([
      ...gallery.map((file) => ({
        mediaId: file.id,
        entityType: 'product_gallery' as const,
        entityId: product.id,
        storeId: owner.storeId,
        objectKey: file.objectKey,
      })),
      {
        mediaId: coa.id,
        entityType: 'product_coa' as const,
        entityId: product.id,
        storeId: owner.storeId,
        objectKey: coa.objectKey,
      },
    ]);

    for (const file of [avatar, gallery[0], coa]) {
      if (file) await caller().media.delete({ mediaId: file.id });
    }
    await deliverMediaEvents(app);

    const [user] = await app.deps.db.select().from(users).where(eq(users.id, owner.userId));
    expect(user?.avatarMediaId).toBeNull();
    const rest = await app.deps.db
      .select({ mediaId: productMedia.mediaId, position: productMedia.position })
      .from(productMedia)
      .where(eq(productMedia.productId, product.id))
      .orderBy(asc(productMedia.position));
    expect(rest).toEqual([
      { mediaId: gallery[1]?.id, position: 0 },
      { mediaId: gallery[2]?.id, position: 1 },
    ]);
    const [after] = await app.deps.db.select().from(products).where(eq(products.id, product.id));
    expect(after?.coaMediaId).toBeNull();
    for (const file of [avatar, gallery[0], coa]) {
      if (!file) continue;
      expect(await mediaRow(file.id)).toBeUndefined();
      expect(await app.deps.storage.statObject(file.objectKey)).toBeNull();
    }
  });
});

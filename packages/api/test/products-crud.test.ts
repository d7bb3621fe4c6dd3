import { randomUUID } from 'node:crypto';
import { inventoryItems, productMedia, products } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';
import { attachmentsOf, auditRowsFor, insertMedia, productInput } from './product-fixtures';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());

/** A vendor owner with a caller that sends a fresh Idempotency-Key on every call. */
async function vendor() {
  const owner = await registerOwner(app);
  const api = () => app.call({ token: owner.token, idempotencyKey: randomUUID() }).caller.vendorProducts;
  return { ...owner, api };
}

const productRow = async (id: string) => (await app.deps.db.select().from(products).where(eq(products.id, id)))[0];
const stockRow = async (id: string) =>
  (await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, id)))[0];

describe('vendorProducts.create and get', () => {
  it('stores the product, its stock, tiers, ordered gallery and COA in one go, and reads them back', async () => {
    const v = await vendor();
    const [first, second, coa] = [
      await insertMedia(app, v.storeId),
      await insertMedia(app, v.storeId),
      await insertMedia(app, v.storeId, { kind: 'coa' }),
    ];
    const created = await v.api().create(
      productInput({
        description: 'Dense buds',
        maxQty: 100,
        thcPercent: 22.5,
        mediaIds: [second, first],
        coaMediaId: coa,
        volumeDiscounts: [
          { minQty: 10, discountPercent: 5 },
          { minQty: 50, discountPercent: 12.5 },
        ],
      }),
    );
    expect(created).toMatchObject({
      storeId: v.storeId,
      description: 'Dense buds',
      maxQty: 100,
      thcPercent: 22.5,
      isActive: true,
      hasVolumeDiscount: true,
      coaMediaId: coa,
      volumeDiscounts: [
        { minQty: 10, discountPercent: 5 },
        { minQty: 50, discountPercent: 12.5 },
      ],
      inventory: { onHandQty: 40, reservedQty: 0, availableQty: 40, lowStockThreshold: 5, lowStock: false },
    });
    expect(created.gallery.map((item) => [item.mediaId, item.position])).toEqual([
      [second, 0],
      [first, 1],
    ]);
    expect(created.gallery.every((item) => typeof item.url === 'string')).toBe(true);
    expect(created.coaUrl).toEqual(expect.any(String));

    expect(await stockRow(created.id)).toMatchObject({ onHandQty: 40, reservedQty: 0, lowStockThreshold: 5 });
    expect(await attachmentsOf(app, created.id)).toEqual(
      [
        { mediaId: coa, entityType: 'product_coa' },
        { mediaId: first, entityType: 'product_gallery' },
        { mediaId: second, entityType: 'product_gallery' },
      ].sort((a, b) => a.entityType.localeCompare(b.entityType) || a.mediaId.localeCompare(b.mediaId)),
    );
    const [audit] = await auditRowsFor(app, created.id);
    expect(audit).toMatchObject({ action: 'product.created', actorUserId: v.userId, storeId: v.storeId });
    expect(audit?.details).toMatchObject({ after: { sku: created.sku, mediaIds: [second, first], coaMediaId: coa } });

    const read = await v.api().get({ productId: created.id });
    expect({ ...read, coaUrl: null, gallery: [] }).toEqual({ ...created, coaUrl: null, gallery: [] });
    expect(read.gallery.map((item) => item.mediaId)).toEqual([second, first]);
  });

  it('accepts a zero price, zero stock and a 0% tier (zeros are values, not missing)', async () => {
    const v = await vendor();
    const created = await v.api().create(
      productInput({
        priceCents: 0,
        inventory: { onHandQty: 0, lowStockThreshold: 0 },
        volumeDiscounts: [{ minQty: 1, discountPercent: 0 }],
      }),
    );
    expect(created).toMatchObject({ priceCents: 0, volumeDiscounts: [{ minQty: 1, discountPercent: 0 }] });
    expect(created.inventory).toMatchObject({ onHandQty: 0, availableQty: 0, lowStock: true });
  });

  it('stores max_qty: 0 means no limit, otherwise at least the MOQ', async () => {
    const v = await vendor();
    const unlimited = await v.api().create(productInput({ moq: 5 }));
    expect((await productRow(unlimited.id))?.maxQty).toBe(0);
    const capped = await v.api().create(productInput({ moq: 12, maxQty: 12 }));
    expect((await productRow(capped.id))?.maxQty).toBe(12);
  });

  it('replays a repeated create (same Idempotency-Key) instead of creating a second product', async () => {
    const v = await vendor();
    const input = productInput();
    const key = randomUUID();
    const call = () => app.call({ token: v.token, idempotencyKey: key }).caller.vendorProducts;
    const first = await call().create(input);
    const again = await call().create(input);
    expect(again.id).toBe(first.id);
    const rows = await app.deps.db.select().from(products).where(eq(products.storeId, v.storeId));
    expect(rows).toHaveLength(1);
    expect((await failureOf(call().create({ ...input, title: 'Other' }))).code).toBe('IDEMPOTENCY_KEY_REUSED');
    const withoutKey = app.call({ token: v.token }).caller.vendorProducts;
    expect((await failureOf(withoutKey.create(productInput()))).code).toBe('VALIDATION_ERROR');
  });
});

describe('vendorProducts.update', () => {
  it('keeps absent fields, clears nulls, replaces arrays wholesale and audits only what changed', async () => {
    const v = await vendor();
    const [a, b, coa] = [
      await insertMedia(app, v.storeId),
      await insertMedia(app, v.storeId),
      await insertMedia(app, v.storeId, { kind: 'coa' }),
    ];
    const created = await v.api().create(
      productInput({
        subtitle: 'Indoor',
        mediaIds: [a, b],
        coaMediaId: coa,
        volumeDiscounts: [{ minQty: 10, discountPercent: 5 }],
      }),
    );
    const updated = await v.api().update({
      productId: created.id,
      title: 'Blue Dream Reserve',
      subtitle: null,
      mediaIds: [b],
      coaMediaId: null,
      volumeDiscounts: [{ minQty: 20, discountPercent: 10 }],
      inventory: { onHandQty: 60 },
    });
    expect(updated).toMatchObject({
      sku: created.sku,
      title: 'Blue Dream Reserve',
      subtitle: null,
      coaMediaId: null,
      coaUrl: null,
      volumeDiscounts: [{ minQty: 20, discountPercent: 10 }],
      inventory: { onHandQty: 60, lowStockThreshold: 5 },
    });
    expect(updated.gallery.map((item) => [item.mediaId, item.position])).toEqual([[b, 0]]);
    expect(await attachmentsOf(app, created.id)).toEqual([{ mediaId: b, entityType: 'product_gallery' }]);
    expect(await app.deps.db.select().from(productMedia).where(eq(productMedia.productId, created.id))).toHaveLength(1);

    const audit = (await auditRowsFor(app, created.id)).at(-1);
    expect(audit?.action).toBe('product.updated');
    expect(audit?.details).toEqual({
      before: {
        title: 'Blue Dream Flower',
        subtitle: 'Indoor',
        volumeDiscounts: [{ minQty: 10, discountPercent: 5 }],
        mediaIds: [a, b],
        coaMediaId: coa,
        inventory: { onHandQty: 40, reservedQty: 0, lowStockThreshold: 5 },
      },
      after: {
        title: 'Blue Dream Reserve',
        subtitle: null,
        volumeDiscounts: [{ minQty: 20, discountPercent: 10 }],
        mediaIds: [b],
        coaMediaId: null,
        inventory: { onHandQty: 60, reservedQty: 0, lowStockThreshold: 5 },
      },
    });

    const cleared = await v.api().update({ productId: created.id, volumeDiscounts: [] });
    expect(cleared).toMatchObject({ hasVolumeDiscount: false, volumeDiscounts: [] });
    expect((await productRow(created.id))?.hasVolumeDiscount).toBe(false);
  });

  it('writes nothing for a patch that changes nothing', async () => {
    const v = await vendor();
    const created = await v.api().create(productInput());
    const before = await productRow(created.id);
    await v.api().update({ productId: created.id, title: created.title, priceCents: created.priceCents });
    expect(await productRow(created.id)).toEqual(before);
    expect((await auditRowsFor(app, created.id)).map((row) => row.action)).toEqual(['product.created']);
  });
});

describe('vendorProducts.setInventory', () => {
  it('sets on-hand and threshold, derives free stock and the low-stock flag, and audits before/after', async () => {
    const v = await vendor();
    const created = await v.api().create(productInput());
    // An open order holds 5 units (checkout is another module; the row is what matters here).
    await app.deps.db.update(inventoryItems).set({ reservedQty: 5 }).where(eq(inventoryItems.productId, created.id));
    const stock = await v.api().setInventory({ productId: created.id, onHandQty: 8, lowStockThreshold: 3 });
    expect(stock).toMatchObject({
      productId: created.id,
      onHandQty: 8,
      reservedQty: 5,
      availableQty: 3,
      lowStockThreshold: 3,
      lowStock: true,
    });
    const audit = (await auditRowsFor(app, created.id)).at(-1);
    expect(audit).toMatchObject({
      action: 'inventory.updated',
      details: {
        before: { onHandQty: 40, reservedQty: 5, lowStockThreshold: 5 },
        after: { onHandQty: 8, reservedQty: 5, lowStockThreshold: 3 },
      },
    });
    // Absolute values: repeating the edit changes nothing and records nothing.
    await v.api().setInventory({ productId: created.id, onHandQty: 8, lowStockThreshold: 3 });
    expect((await auditRowsFor(app, created.id)).filter((row) => row.action === 'inventory.updated')).toHaveLength(1);
  });
});

describe('vendorProducts.delete', () => {
  it('soft-deletes: the row stays for orders, buyers and the table stop seeing it, media are let go', async () => {
    const v = await vendor();
    const [image, coa] = [await insertMedia(app, v.storeId), await insertMedia(app, v.storeId, { kind: 'coa' })];
    const created = await v.api().create(productInput({ mediaIds: [image], coaMediaId: coa }));
    expect(await v.api().delete({ productId: created.id })).toEqual({ deleted: true });

    expect(await productRow(created.id)).toMatchObject({
      isActive: false,
      coaMediaId: null,
      deletedAt: expect.any(Date),
    });
    expect(await stockRow(created.id)).toBeDefined();
    expect(await attachmentsOf(app, created.id)).toEqual([]);
    expect(await app.deps.db.select().from(productMedia).where(eq(productMedia.productId, created.id))).toEqual([]);
    const audit = (await auditRowsFor(app, created.id)).at(-1);
    expect(audit).toMatchObject({
      action: 'product.deleted',
      details: { before: { isActive: true, mediaIds: [image], coaMediaId: coa }, after: { isActive: false } },
    });

    expect((await v.api().list()).items.map((item) => item.id)).not.toContain(created.id);
    for (const attempt of [
      () => v.api().get({ productId: created.id }),
      () => v.api().update({ productId: created.id, title: 'Back' }),
      () => v.api().setInventory({ productId: created.id, onHandQty: 1 }),
      () => v.api().delete({ productId: created.id }),
    ]) {
      expect((await failureOf(attempt())).code).toBe('NOT_FOUND');
    }
  });
});

import { randomUUID } from 'node:crypto';
import { products, stores } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerInputFor, registerOwner, type TestApp } from '../src/testing';
import { addMember, RELAXED_LIMITS } from './helpers';
import { catalogSnapshot, insertMedia, productInput, setVendorStanding } from './product-fixtures';

let app: TestApp;
let vendor: Awaited<ReturnType<typeof registerOwner>>;
let buyerSameState: string;
let buyerOtherState: string;

const buyerIn = async (state: 'OK' | 'TX') => {
  const address = { ...registerInputFor().address, state };
  return (await registerOwner(app, { storeType: 'buyer', address })).token;
};
const vendorApi = (token: string) => app.call({ token, idempotencyKey: randomUUID() }).caller.vendorProducts;
const detail = (token: string, productId: string) => app.call({ token }).caller.products.get({ productId });

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  vendor = await registerOwner(app, { companyName: 'Green Acres' });
  buyerSameState = await buyerIn('OK');
  buyerOtherState = await buyerIn('TX');
});
afterAll(() => app.close());

const combos = [true, false].flatMap((verified) =>
  [true, false].flatMap((subscribed) =>
    [true, false].flatMap((active) => [true, false].map((sameState) => ({ verified, subscribed, active, sameState }))),
  ),
);

describe('products.get for buyers goes through the one visibility rule', () => {
  it.each(combos)('verified=$verified subscribed=$subscribed active=$active sameState=$sameState', async (combo) => {
    const product = await vendorApi(vendor.token).create(productInput({ isActive: combo.active }));
    await setVendorStanding(app, vendor.storeId, {
      kycStatus: combo.verified ? 'verified' : 'pending_verification',
      subscriptionActive: combo.subscribed,
    });
    const buyer = combo.sameState ? buyerSameState : buyerOtherState;
    const visible = combo.verified && combo.subscribed && combo.active && combo.sameState;
    if (visible) {
      expect((await detail(buyer, product.id)).id).toBe(product.id);
    } else {
      const failure = await failureOf(detail(buyer, product.id));
      expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'This product is not available.' });
    }
    // The vendor always sees its own product, whatever its standing.
    expect((await detail(vendor.token, product.id)).id).toBe(product.id);
  });

  it('shows a visible product with tiers, gallery, free stock and the vendor summary, without compliance codes', async () => {
    await setVendorStanding(app, vendor.storeId, { kycStatus: 'verified', subscriptionActive: true });
    const logo = await insertMedia(app, vendor.storeId, { kind: 'store' });
    await app.deps.db.update(stores).set({ logoMediaId: logo }).where(eq(stores.id, vendor.storeId));
    const image = await insertMedia(app, vendor.storeId);
    const product = await vendorApi(vendor.token).create(
      productInput({
        batchId: 'B-42',
        mediaIds: [image],
        volumeDiscounts: [{ minQty: 10, discountPercent: 7.5 }],
        inventory: { onHandQty: 30, lowStockThreshold: 2 },
      }),
    );
    const seen = await detail(buyerSameState, product.id);
    expect(seen).toMatchObject({
      title: product.title,
      hasVolumeDiscount: true,
      volumeDiscounts: [{ minQty: 10, discountPercent: 7.5 }],
      availableQty: 30,
      inStock: true,
      vendor: {
        id: vendor.storeId,
        name: 'Green Acres',
        city: vendor.input.address.city,
        state: 'OK',
        badges: ['verified'],
        logoUrl: expect.any(String),
      },
    });
    expect(seen.gallery).toEqual([
      { mediaId: image, position: 0, mimeType: 'image/png', url: expect.any(String), thumbnailUrl: expect.any(String) },
    ]);
    for (const hidden of ['batchId', 'isActive', 'inventory', 'storeId', 'coaMediaId']) {
      expect(seen).not.toHaveProperty(hidden);
    }
  });

  it('hides a soft-deleted product even when everything else holds', async () => {
    await setVendorStanding(app, vendor.storeId, { kycStatus: 'verified', subscriptionActive: true });
    const product = await vendorApi(vendor.token).create(productInput());
    expect((await detail(buyerSameState, product.id)).id).toBe(product.id);
    await vendorApi(vendor.token).delete({ productId: product.id });
    expect((await failureOf(detail(buyerSameState, product.id))).code).toBe('NOT_FOUND');
    expect((await failureOf(detail(vendor.token, product.id))).code).toBe('NOT_FOUND');
  });
});

describe('tenant isolation', () => {
  it("a vendor cannot read, edit, restock or delete another vendor's products, drafts included", async () => {
    const other = await registerOwner(app);
    await setVendorStanding(app, other.storeId, { kycStatus: 'verified', subscriptionActive: true });
    const live = await vendorApi(other.token).create(productInput());
    const draft = await vendorApi(other.token).create(productInput({ isActive: false }));
    const before = await catalogSnapshot(app);
    const mine = vendorApi(vendor.token);
    for (const productId of [live.id, draft.id]) {
      for (const attempt of [
        () => mine.get({ productId }),
        () => mine.update({ productId, title: 'Hijacked' }),
        () => mine.setInventory({ productId, onHandQty: 0 }),
        () => mine.delete({ productId }),
        () => detail(vendor.token, productId),
      ]) {
        expect((await failureOf(attempt())).code).toBe('NOT_FOUND');
      }
    }
    expect(await catalogSnapshot(app)).toEqual(before);
    const listed = (await mine.list({ limit: 100 })).items.map((item) => item.id);
    expect(listed).not.toEqual(expect.arrayContaining([live.id]));
    expect(listed).not.toContain(draft.id);
    const [row] = await app.deps.db.select().from(products).where(eq(products.id, draft.id));
    expect(row?.title).toBe(draft.title);
  });

  it('only vendor stores manage products, and viewers only read them', async () => {
    const buyer = vendorApi(buyerSameState);
    expect((await failureOf(buyer.list())).code).toBe('FORBIDDEN');
    expect((await failureOf(buyer.create(productInput()))).code).toBe('FORBIDDEN');
    const viewer = await addMember(app, vendor.token, vendor.storeId, 'viewer');
    const product = await vendorApi(vendor.token).create(productInput());
    expect((await vendorApi(viewer.token).get({ productId: product.id })).id).toBe(product.id);
    expect((await failureOf(vendorApi(viewer.token).create(productInput()))).code).toBe('FORBIDDEN');
    const staff = await addMember(app, vendor.token, vendor.storeId, 'staff');
    expect(await vendorApi(staff.token).setInventory({ productId: product.id, onHandQty: 3 })).toMatchObject({
      onHandQty: 3,
    });
  });
});

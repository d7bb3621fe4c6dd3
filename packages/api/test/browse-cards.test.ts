import { randomUUID } from 'node:crypto';
import { media, stores } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing';
import { addProduct, browse, buyerStore, type Store, vendorStore } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

/** What a buyer reads off a card, a product page and a storefront header: availability, images, the seller. */

let app: TestApp;
let buyer: Store;
let vendor: Store;
const ids: Record<string, string> = {};
const bannerKey = () => `${vendor.storeId}/store/banner-${ids.banner}.png`;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  buyer = await buyerStore(app, 'OK');
  vendor = await vendorStore(app, { name: 'Card Farms' });
  ids.belowMoq = await addProduct(app, vendor.storeId, { title: 'Five Left Flower', moq: 10, onHandQty: 5 });
  ids.heldBelowMoq = await addProduct(app, vendor.storeId, {
    title: 'Mostly Reserved Flower',
    moq: 10,
    onHandQty: 14,
    reservedQty: 6,
  });
  ids.exactlyMoq = await addProduct(app, vendor.storeId, { title: 'Ten Left Flower', moq: 10, onHandQty: 10 });
  ids.soldOut = await addProduct(app, vendor.storeId, { title: 'Gone Flower', onHandQty: 4, reservedQty: 4 });
  ids.rendition = await addProduct(app, vendor.storeId, { title: 'Seeded Picture', thumbnail: 'with-rendition' });
  ids.upload = await addProduct(app, vendor.storeId, { title: 'Uploaded Picture', thumbnail: true });
  ids.banner = randomUUID();
  await app.deps.db.insert(media).values({
    id: ids.banner,
    storeId: vendor.storeId,
    kind: 'store',
    status: 'uploaded',
    objectKey: bannerKey(),
    fileName: 'banner.png',
    mimeType: 'image/png',
    sizeBytes: 100,
  });
  await app.deps.db
    .update(stores)
    .set({ description: 'Small-batch growers since 2019.', phone: '(918) 555-0110', bannerMediaId: ids.banner })
    .where(eq(stores.id, vendor.storeId));
});
afterAll(() => app.close());

const cardOf = async (id: string | undefined) => {
  const card = (await browse(app, buyer.token, { limit: 100 })).items.find((item) => item.id === id);
  if (!card) throw new Error(`no card for ${id}`);
  return card;
};
/** The object key part of a signed read URL. */
const keyIn = (url: string | null | undefined) => new URL(url ?? '').pathname;
const detailOf = (id: string | undefined) =>
  app.call({ token: buyer.token }).caller.products.get({ productId: id ?? '' });

describe('availability against the minimum order', () => {
  it('marks free stock below the MOQ as below minimum order on cards and product pages, never as in stock', async () => {
    for (const id of [ids.belowMoq, ids.heldBelowMoq]) {
      expect(await cardOf(id)).toMatchObject({ inStock: true, availability: 'below_moq' });
      expect(await detailOf(id)).toMatchObject({ availability: 'below_moq' });
    }
    expect(await detailOf(ids.heldBelowMoq)).toMatchObject({ availableQty: 8 });
  });

  it('calls a full minimum order in stock and nothing free out of stock', async () => {
    expect(await cardOf(ids.exactlyMoq)).toMatchObject({ inStock: true, availability: 'in_stock' });
    expect(await detailOf(ids.exactlyMoq)).toMatchObject({ availableQty: 10, availability: 'in_stock' });
    expect(await cardOf(ids.soldOut)).toMatchObject({ inStock: false, availability: 'out_of_stock' });
    expect(await detailOf(ids.soldOut)).toMatchObject({ availableQty: 0, availability: 'out_of_stock' });
  });
});

describe('images at display size', () => {
  it('serves the grid-size rendition on cards and gallery thumbnails when the image has one', async () => {
    const card = await cardOf(ids.rendition);
    const [picture] = (await detailOf(ids.rendition)).gallery;
    const original = keyIn(picture?.url);
    expect(original).toMatch(/\/product\/[0-9a-f-]+\.png$/);
    expect(keyIn(picture?.thumbnailUrl)).toBe(original.replace(/\.png$/, '.thumb.png'));
    expect(keyIn(card.thumbnailUrl)).toBe(original.replace(/\.png$/, '.thumb.png'));
  });

  it('falls back to the original for an image without a rendition (a vendor upload)', async () => {
    const card = await cardOf(ids.upload);
    const [picture] = (await detailOf(ids.upload)).gallery;
    expect(keyIn(card.thumbnailUrl)).toBe(keyIn(picture?.url));
    expect(keyIn(picture?.thumbnailUrl)).toBe(keyIn(picture?.url));
  });
});

describe('the storefront header', () => {
  it('shows buyers the about text, phone and banner the store settings collect', async () => {
    const { vendor: summary } = await app
      .call({ token: buyer.token })
      .caller.browse.storefront({ vendorId: vendor.storeId });
    expect(summary).toMatchObject({
      name: 'Card Farms',
      description: 'Small-batch growers since 2019.',
      phone: '(918) 555-0110',
    });
    expect(keyIn(summary.bannerUrl).endsWith(bannerKey())).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { inventoryItems, media, productMedia, products, stores } from '@pf/db';
import { type BrowseProductsInput, type KycStatus, mediaThumbnailKey, type US_STATE_CODES } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { registerOwner, type TestApp } from '../src/testing';

/** Fixtures for the browse tests: stores in a given gating state and products written straight to the tables. */

type UsState = (typeof US_STATE_CODES)[number];

export interface Store {
  storeId: string;
  token: string;
}

export async function buyerStore(app: TestApp, state: UsState = 'OK'): Promise<Store> {
  const owner = await registerOwner(app, { storeType: 'buyer', address: addressIn(state) });
  return { storeId: owner.storeId, token: owner.token };
}

/** A vendor whose gate flags are set directly (verification and billing are other features). */
export async function vendorStore(
  app: TestApp,
  options: { name?: string; state?: UsState; kycStatus?: KycStatus; subscriptionActive?: boolean } = {},
): Promise<Store> {
  const owner = await registerOwner(app, {
    storeType: 'vendor',
    companyName: options.name ?? `Vendor ${randomUUID().slice(0, 6)}`,
    address: addressIn(options.state ?? 'OK'),
  });
  await app.deps.db
    .update(stores)
    .set({ kycStatus: options.kycStatus ?? 'verified', subscriptionActive: options.subscriptionActive ?? true })
    .where(eq(stores.id, owner.storeId));
  return { storeId: owner.storeId, token: owner.token };
}

function addressIn(state: UsState) {
  return {
    line1: '1 Main St',
    city: 'Springfield',
    state,
    postalCode: '00001',
    country: 'US' as const,
    lat: 1,
    lng: 1,
  };
}

export type ProductOverrides = Partial<typeof products.$inferInsert> & {
  onHandQty?: number;
  reservedQty?: number;
  /** Adds an uploaded position-0 image; `'with-rendition'` gives it a grid-size rendition as the seed does. */
  thumbnail?: boolean | 'with-rendition';
};

/** A product (with its stock row) of `storeId`; returns its id. */
export async function addProduct(app: TestApp, storeId: string, overrides: ProductOverrides = {}): Promise<string> {
  const { onHandQty = 10, reservedQty = 0, thumbnail = false, ...fields } = overrides;
  const [row] = await app.deps.db
    .insert(products)
    .values({
      storeId,
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      title: 'Plain Product',
      category: 'flower',
      unit: 'gram',
      priceCents: 1000,
      ...fields,
    })
    .returning({ id: products.id });
  if (!row) throw new Error('product insert failed');
  await app.deps.db.insert(inventoryItems).values({ productId: row.id, onHandQty, reservedQty });
  if (thumbnail) {
    const mediaId = randomUUID();
    const objectKey = `${storeId}/product/${mediaId}.png`;
    await app.deps.db.insert(media).values({
      id: mediaId,
      storeId,
      kind: 'product',
      status: 'uploaded',
      objectKey,
      thumbnailKey: thumbnail === 'with-rendition' ? mediaThumbnailKey(objectKey) : null,
      fileName: 'p.png',
      mimeType: 'image/png',
      sizeBytes: 100,
    });
    await app.deps.db.insert(productMedia).values({ productId: row.id, mediaId, objectKey, position: 0 });
  }
  return row.id;
}

export const browse = (app: TestApp, token: string, input: BrowseProductsInput = {}) =>
  app.call({ token }).caller.browse.products(input);

/**
 * Every item from `input.cursor` (or the start) on, following nextCursor; fails on a repeated item (a page
 * edge served twice).
 */
export async function allPages(app: TestApp, token: string, input: BrowseProductsInput = {}) {
  const items: Awaited<ReturnType<typeof browse>>['items'] = [];
  let cursor: string | null = input.cursor ?? null;
  for (let page = 0; page < 200; page++) {
    const result: Awaited<ReturnType<typeof browse>> = await browse(app, token, { ...input, cursor });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  const ids = items.map((item) => item.id);
  if (new Set(ids).size !== ids.length) throw new Error('an item was served twice across pages');
  return items;
}

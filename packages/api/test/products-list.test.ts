import { randomUUID } from 'node:crypto';
import { inventoryItems } from '@pf/db';
import { VENDOR_PRODUCT_SORTS, type VendorProductSort } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';
import { insertMedia, productInput } from './product-fixtures';

let app: TestApp;
let token: string;
/** The vendor's catalog by title; created in this order, so "newest" is the reverse. */
const ids: Record<string, string> = {};

const api = () => app.call({ token, idempotencyKey: randomUUID() }).caller.vendorProducts;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  const owner = await registerOwner(app);
  token = owner.token;
  const image = await insertMedia(app, owner.storeId);
  const catalog = [
    { title: 'apple Gummies', sku: 'EDI-001', category: 'edible', priceCents: 900, onHandQty: 50 },
    { title: 'Blue Dream', sku: 'FLO-100', category: 'flower', priceCents: 1500, onHandQty: 3, mediaIds: [image] },
    { title: 'Cherry Pie', sku: 'FLO-200', category: 'flower', priceCents: 1500, onHandQty: 0, isActive: false },
    { title: '100% Rosin', sku: 'CON-777', category: 'concentrate', priceCents: 4000, onHandQty: 20 },
    { title: 'Deleted Kush', sku: 'FLO-999', category: 'flower', priceCents: 100, onHandQty: 1 },
  ] as const;
  for (const { onHandQty, ...fields } of catalog) {
    const created = await api().create(
      productInput({
        ...fields,
        mediaIds: 'mediaIds' in fields ? [...fields.mediaIds] : [],
        inventory: { onHandQty, lowStockThreshold: 5 },
      }),
    );
    ids[fields.title] = created.id;
  }
  await api().delete({ productId: ids['Deleted Kush'] as string });
  // Another vendor's product never shows up in this catalog.
  const other = await registerOwner(app);
  await app.call({ token: other.token, idempotencyKey: randomUUID() }).caller.vendorProducts.create(productInput());
});
afterAll(() => app.close());

const titlesOf = (page: { items: { title: string }[] }) => page.items.map((item) => item.title);

/** Walks every page of one sort, two rows at a time. */
async function allPages(sort: VendorProductSort) {
  const titles: string[] = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<ReturnType<typeof api>['list']>> = await api().list({ sort, limit: 2, cursor });
    expect(page.total).toBe(4);
    titles.push(...titlesOf(page));
    cursor = page.nextCursor;
  } while (cursor);
  return titles;
}

describe('vendorProducts.list', () => {
  it('lists the own store only, inactive included, deleted never, newest first', async () => {
    const page = await api().list();
    expect(titlesOf(page)).toEqual(['100% Rosin', 'Cherry Pie', 'Blue Dream', 'apple Gummies']);
    expect(page).toMatchObject({ total: 4, nextCursor: null });
  });

  it('gives each row its thumbnail, stock figures and low-stock flag', async () => {
    await app.deps.db
      .update(inventoryItems)
      .set({ reservedQty: 2 })
      .where(eq(inventoryItems.productId, ids['Blue Dream'] as string));
    const rows = (await api().list()).items;
    const blue = rows.find((row) => row.title === 'Blue Dream');
    expect(blue).toMatchObject({
      thumbnailUrl: expect.any(String),
      stock: { onHandQty: 3, reservedQty: 2, availableQty: 1, lowStockThreshold: 5, lowStock: true },
    });
    const gummies = rows.find((row) => row.title === 'apple Gummies');
    expect(gummies).toMatchObject({ thumbnailUrl: null, stock: { availableQty: 50, lowStock: false } });
  });

  it('filters by search text (title or SKU, any case, % taken literally), category, status and low stock', async () => {
    expect(titlesOf(await api().list({ q: 'DREAM' }))).toEqual(['Blue Dream']);
    expect(titlesOf(await api().list({ q: 'flo-' }))).toEqual(['Cherry Pie', 'Blue Dream']);
    expect(titlesOf(await api().list({ q: '100%' }))).toEqual(['100% Rosin']);
    // Punctuation alone is taken literally too: it finds only what contains it, never everything.
    expect(titlesOf(await api().list({ q: '%' }))).toEqual(['100% Rosin']);
    expect(titlesOf(await api().list({ q: '_' }))).toEqual([]);
    expect(titlesOf(await api().list({ q: '\\' }))).toEqual([]);
    expect(titlesOf(await api().list({ q: 'kush' }))).toEqual([]);
    expect(titlesOf(await api().list({ category: 'flower' }))).toEqual(['Cherry Pie', 'Blue Dream']);
    expect(titlesOf(await api().list({ status: 'inactive' }))).toEqual(['Cherry Pie']);
    expect(titlesOf(await api().list({ status: 'active', category: 'flower' }))).toEqual(['Blue Dream']);
    const low = await api().list({ lowStockOnly: true });
    expect(titlesOf(low)).toEqual(['Cherry Pie', 'Blue Dream']);
    expect(low.total).toBe(2);
  });

  it('sorts by title, price and stock, and every sort pages through all rows exactly once', async () => {
    const expected: Record<VendorProductSort, string[]> = {
      newest: ['100% Rosin', 'Cherry Pie', 'Blue Dream', 'apple Gummies'],
      title_asc: ['100% Rosin', 'apple Gummies', 'Blue Dream', 'Cherry Pie'],
      title_desc: ['Cherry Pie', 'Blue Dream', 'apple Gummies', '100% Rosin'],
      price_asc: ['apple Gummies', ...sortedById(['Blue Dream', 'Cherry Pie']), '100% Rosin'],
      price_desc: ['100% Rosin', ...sortedById(['Blue Dream', 'Cherry Pie']).reverse(), 'apple Gummies'],
      stock_asc: ['Cherry Pie', 'Blue Dream', '100% Rosin', 'apple Gummies'],
      stock_desc: ['apple Gummies', '100% Rosin', 'Blue Dream', 'Cherry Pie'],
    };
    for (const sort of VENDOR_PRODUCT_SORTS) {
      expect(titlesOf(await api().list({ sort })), sort).toEqual(expected[sort]);
      expect(await allPages(sort), `${sort} paged`).toEqual(expected[sort]);
    }
  });

  it('refuses a cursor issued for another sort, or one that was tampered with', async () => {
    const { nextCursor } = await api().list({ sort: 'price_asc', limit: 1 });
    expect(nextCursor).toEqual(expect.any(String));
    for (const cursor of [
      nextCursor as string,
      'not-a-cursor',
      Buffer.from('["title_asc",1,"x"]').toString('base64url'),
    ]) {
      const failure = await failureOf(api().list({ sort: 'title_asc', cursor }));
      expect(failure).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'cursor' }] });
    }
  });
});

/** Equal prices fall back to id order, which the test cannot know in advance. */
function sortedById(titles: string[]) {
  return [...titles].sort((a, b) => (ids[a] as string).localeCompare(ids[b] as string));
}

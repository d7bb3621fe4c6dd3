import { stores } from '@pf/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCOPE_MEMO_MS } from '../src/services/browse/memo';
import { createTestApp, createTestClock, failureOf, type TestApp } from '../src/testing';
import { addProduct, allPages, browse, buyerStore, type Store, vendorStore } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
const clock = createTestClock();
/** Lets the few seconds of scope memory (the listed vendors, a store's state) run out. */
const afterScopeMemo = () => clock.advance(SCOPE_MEMO_MS + 1);
let buyer: Store;
let listed: Store;
let unverified: Store;
let unsubscribed: Store;
let elsewhere: Store;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  buyer = await buyerStore(app, 'OK');
  listed = await vendorStore(app, { name: 'Listed Farms' });
  unverified = await vendorStore(app, { name: 'Unverified Farms', kycStatus: 'pending_verification' });
  unsubscribed = await vendorStore(app, { name: 'Lapsed Farms', subscriptionActive: false });
  elsewhere = await vendorStore(app, { name: 'Golden State Farms', state: 'CA' });
  ids.visible = await addProduct(app, listed.storeId, { title: 'Gate Kush Flower', thumbnail: true });
  ids.soldOut = await addProduct(app, listed.storeId, { title: 'Gate Sold Out Flower', onHandQty: 3, reservedQty: 3 });
  ids.inactive = await addProduct(app, listed.storeId, { title: 'Gate Inactive Flower', isActive: false });
  ids.deleted = await addProduct(app, listed.storeId, {
    title: 'Gate Deleted Flower',
    isActive: false,
    deletedAt: new Date(),
  });
  ids.unverified = await addProduct(app, unverified.storeId, { title: 'Gate Unverified Flower' });
  ids.unsubscribed = await addProduct(app, unsubscribed.storeId, { title: 'Gate Lapsed Flower' });
  ids.elsewhere = await addProduct(app, elsewhere.storeId, { title: 'Gate California Flower' });
});
afterAll(() => app.close());

const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('buyer visibility (DOMAIN §5.7)', () => {
  it('lists only active, undeleted products of verified, subscribed vendors in the buyer’s state', async () => {
    const page = await browse(app, buyer.token);
    expect(idsOf(page.items)).toEqual([ids.visible, ids.soldOut].sort());
    expect(page.total).toBe(2);
    expect(page.facets.vendors).toEqual([{ value: listed.storeId, label: 'Listed Farms', count: 2 }]);
    const card = page.items.find((item) => item.id === ids.visible);
    expect(card?.vendor).toEqual({ id: listed.storeId, name: 'Listed Farms' });
    expect(card?.thumbnailUrl).toMatch(/^http/);
    expect(card?.inStock).toBe(true);
    expect(page.items.find((item) => item.id === ids.soldOut)?.inStock).toBe(false);
  });

  it('hides the same products from search, the vendor filter and storefronts', async () => {
    expect(idsOf((await browse(app, buyer.token, { q: 'gate flower' })).items)).toEqual(
      [ids.visible, ids.soldOut].sort(),
    );
    for (const vendor of [unverified, unsubscribed, elsewhere]) {
      const filtered = await browse(app, buyer.token, { vendorId: vendor.storeId });
      expect(filtered.items).toEqual([]);
      expect(filtered.total).toBe(0);
      const refused = await failureOf(
        app.call({ token: buyer.token }).caller.browse.storefront({ vendorId: vendor.storeId }),
      );
      expect(refused.code).toBe('NOT_FOUND');
    }
  });

  it('shows a listed vendor’s storefront with its summary and only its visible products', async () => {
    const front = await app.call({ token: buyer.token }).caller.browse.storefront({ vendorId: listed.storeId });
    expect(idsOf(front.items)).toEqual([ids.visible, ids.soldOut].sort());
    expect(front.vendor).toMatchObject({ id: listed.storeId, name: 'Listed Farms', state: 'OK', badges: ['verified'] });
    expect(front.vendor.city).toBe('Springfield');
    const inStock = await app
      .call({ token: buyer.token })
      .caller.browse.storefront({ vendorId: listed.storeId, inStock: true });
    expect(idsOf(inStock.items)).toEqual([ids.visible]);
  });

  it('applies another state’s rule to a buyer there', async () => {
    const west = await buyerStore(app, 'CA');
    expect(idsOf(await allPages(app, west.token))).toEqual([ids.elsewhere]);
  });

  it('compares states trimmed and case-insensitively', async () => {
    await app.deps.db
      .update(stores)
      .set({ address: sql`jsonb_set(${stores.address}, '{state}', '" ok "')` })
      .where(eq(stores.id, listed.storeId));
    try {
      expect(idsOf(await allPages(app, buyer.token, { categories: ['flower'] }))).toEqual(
        [ids.visible, ids.soldOut].sort(),
      );
    } finally {
      await app.deps.db
        .update(stores)
        .set({ address: sql`jsonb_set(${stores.address}, '{state}', '"OK"')` })
        .where(eq(stores.id, listed.storeId));
    }
  });

  it('drops a vendor within seconds when it stops passing the gate (its counts too)', async () => {
    const leaving = await vendorStore(app, { name: 'Leaving Farms' });
    const product = await addProduct(app, leaving.storeId, { title: 'Gate Leaving Flower', category: 'edible' });
    afterScopeMemo();
    const before = await browse(app, buyer.token, { categories: ['edible'] });
    expect(idsOf(before.items)).toEqual([product]);
    await app.deps.db.update(stores).set({ subscriptionActive: false }).where(eq(stores.id, leaving.storeId));
    afterScopeMemo();
    const after = await browse(app, buyer.token, { categories: ['edible'] });
    expect(after.items).toEqual([]);
    expect(after.total).toBe(0);
  });

  it('answers a buyer whose address has no state with VALIDATION_ERROR', async () => {
    const stateless = await buyerStore(app, 'OK');
    await app.deps.db
      .update(stores)
      .set({ address: sql`${stores.address} - 'state'` })
      .where(eq(stores.id, stateless.storeId));
    expect((await failureOf(browse(app, stateless.token))).code).toBe('VALIDATION_ERROR');
  });
});

describe('vendors', () => {
  it('see their own catalog, ungated: inactive included, deleted and other vendors’ products never', async () => {
    expect(idsOf(await allPages(app, listed.token))).toEqual([ids.visible, ids.soldOut, ids.inactive].sort());
    expect(idsOf(await allPages(app, unverified.token))).toEqual([ids.unverified]);
    expect((await browse(app, listed.token, { vendorId: elsewhere.storeId })).items).toEqual([]);
  });

  it('preview their own storefront even while unlisted, and see others through their own state’s rule', async () => {
    const own = await app.call({ token: unverified.token }).caller.browse.storefront({ vendorId: unverified.storeId });
    expect(idsOf(own.items)).toEqual([ids.unverified]);
    expect(own.vendor.badges).toEqual([]);
    const other = await app.call({ token: unverified.token }).caller.browse.storefront({ vendorId: listed.storeId });
    expect(idsOf(other.items)).toEqual([ids.visible, ids.soldOut].sort());
    const refused = await failureOf(
      app.call({ token: listed.token }).caller.browse.storefront({ vendorId: elsewhere.storeId }),
    );
    expect(refused.code).toBe('NOT_FOUND');
  });
});

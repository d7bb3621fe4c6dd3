import { licenses, mediaAttachments, stores } from '@pf/db';
import { BROWSE_PAGE_MAX, isVisibleToBuyer } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, DEMO_BUYER, DEMO_PASSWORD, DEMO_VENDORS, seedDemoData } from '../src/seed';
import { getBuyerCart } from '../src/services/cart/get-cart';
import { utcDayOf } from '../src/services/licenses/dates';
import { createTestApp, failureOf, registerOwner, signIn, type TestApp } from '../src/testing';
import { allPages } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';
import { seededRowCounts, seededStores, visibleProductIds } from './seed-helpers';

let app: TestApp;
let firstRun: Awaited<ReturnType<typeof seedDemoData>>;
let seeded: Awaited<ReturnType<typeof seededStores>>;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  firstRun = await seedDemoData(app.deps);
  seeded = await seededStores(app);
});
afterAll(() => app.close());

const okVendors = () => seeded.vendors.filter((vendor) => vendor.address.state === DEMO_BUYER.address.state);
const elsewhere = () => seeded.vendors.filter((vendor) => vendor.address.state !== DEMO_BUYER.address.state);

describe('demo seed: the marketplace', () => {
  it('creates every demo account once; a second run creates nothing and changes no count', async () => {
    const everyone = [
      DEMO_ACCOUNTS.admin.email,
      DEMO_ACCOUNTS.agent.email,
      DEMO_BUYER.owner.email,
      ...DEMO_VENDORS.map((vendor) => vendor.owner.email),
    ];
    expect([...firstRun.created].sort()).toEqual([...everyone].sort());
    const before = await seededRowCounts(app);
    const second = await seedDemoData(app.deps);
    expect(second.created).toEqual([]);
    expect(second.catalog).toEqual(firstRun.catalog);
    expect(await seededRowCounts(app)).toEqual(before);
  });

  it('creates the admin (admin entrance) and the agent (normal login) with the demo password', async () => {
    const admin = await app.call().caller.admin.auth.login({
      email: DEMO_ACCOUNTS.admin.email,
      password: DEMO_PASSWORD,
    });
    expect(admin.user).toMatchObject({ email: 'admin@packfinderz.test', systemRole: 'admin' });
    const { result: agent } = await signIn(app, DEMO_ACCOUNTS.agent.email, DEMO_PASSWORD);
    expect(agent.user).toMatchObject({ email: 'agent@packfinderz.test', systemRole: 'agent' });
    expect(DEMO_PASSWORD).toBe('Demo-pass-2026');
  });

  it('lists vendors in more than one state, and the demo buyer’s state among them', () => {
    expect(okVendors().map((vendor) => vendor.owner.email)).toContain(DEMO_ACCOUNTS.vendor.email);
    expect(elsewhere().length).toBeGreaterThan(0);
    expect(firstRun.catalog.vendors).toBe(DEMO_VENDORS.length);
  });

  it('gives every seeded store one verified, unexpired license backed by an attached document', async () => {
    const today = utcDayOf(app.deps.clock.now());
    for (const storeId of [seeded.buyerId, ...seeded.vendors.map((vendor) => vendor.id)]) {
      const [store] = await app.deps.db.select().from(stores).where(eq(stores.id, storeId));
      expect(store?.kycStatus).toBe('verified');
      const rows = await app.deps.db.select().from(licenses).where(eq(licenses.storeId, storeId));
      expect(rows).toHaveLength(1);
      const [license] = rows;
      expect(license?.status).toBe('verified');
      expect(license?.expirationDate && license.expirationDate > today).toBe(true);
      const usage = await app.deps.db
        .select()
        .from(mediaAttachments)
        .where(and(eq(mediaAttachments.entityType, 'license'), eq(mediaAttachments.entityId, license?.id ?? '')));
      expect(usage.map((row) => row.mediaId)).toEqual([license?.mediaId]);
    }
  });

  it('makes every vendor pass the buyer gate of its own state, with a logo', async () => {
    for (const vendor of seeded.vendors) {
      const [store] = await app.deps.db.select().from(stores).where(eq(stores.id, vendor.id));
      if (!store) throw new Error(`${vendor.companyName} missing`);
      const gate = {
        product: { isActive: true, deletedAt: null },
        vendor: { ...store, state: store.address.state },
      };
      expect(isVisibleToBuyer(gate, vendor.address.state)).toBe(true);
      expect(store.logoMediaId).not.toBeNull();
    }
  });

  it('shows the demo buyer exactly the active listings of its own state’s vendors, through browse', async () => {
    const { token } = await signIn(app, DEMO_ACCOUNTS.buyer.email, DEMO_PASSWORD);
    const items = await allPages(app, token, { limit: BROWSE_PAGE_MAX });
    const expected = await visibleProductIds(app, DEMO_BUYER.address.state);
    expect(expected.length).toBeGreaterThan(0);
    expect(items.map((item) => item.id).sort()).toEqual(expected);
    expect(new Set(items.map((item) => item.vendor.id))).toEqual(new Set(okVendors().map((vendor) => vendor.id)));
    for (const vendor of elsewhere()) {
      expect((await app.call({ token }).caller.browse.products({ vendorId: vendor.id })).total).toBe(0);
      const refused = await failureOf(app.call({ token }).caller.browse.storefront({ vendorId: vendor.id }));
      expect(refused.code).toBe('NOT_FOUND');
    }
  });

  it('shows a buyer of the other state that state’s vendor only', async () => {
    const [other] = elsewhere();
    if (!other) throw new Error('no out-of-state vendor');
    const buyer = await registerOwner(app, {
      storeType: 'buyer',
      address: { ...DEMO_BUYER.address, state: other.address.state },
    });
    const items = await allPages(app, buyer.token, { limit: BROWSE_PAGE_MAX });
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((item) => item.vendor.id))).toEqual(new Set([other.id]));
  });
});

describe('demo seed: a cart ready to check out', () => {
  it('gives the demo buyer a quoted cart from two vendors with a tier discount; later runs leave it alone', async () => {
    expect(firstRun.cartSeeded).toBe(true);
    const store = {
      id: seeded.buyerId,
      name: DEMO_BUYER.companyName,
      type: 'buyer' as const,
      role: 'owner' as const,
      kycStatus: 'verified' as const,
    };
    const cart = await getBuyerCart(app.deps, store);
    expect(cart?.vendorGroups).toHaveLength(2);
    expect(cart?.vendorGroups.every((group) => group.status === 'ok')).toBe(true);
    expect(cart?.okLineCount).toBe(cart?.lineCount);
    expect(cart?.lineDiscountsCents).toBeGreaterThan(0);
    const again = await seedDemoData(app.deps);
    expect(again.cartSeeded).toBe(false);
    expect(await getBuyerCart(app.deps, store)).toEqual({ ...cart, isExpired: expect.any(Boolean) });
  });
});

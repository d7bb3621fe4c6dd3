import { randomUUID } from 'node:crypto';
import { stores } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import { buyerStore, type Store, vendorStore } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
let buyer: Store;
let listed: Store;
let unverified: Store;
let elsewhere: Store;
let otherBuyer: Store;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  buyer = await buyerStore(app, 'OK');
  otherBuyer = await buyerStore(app, 'OK');
  listed = await vendorStore(app, { name: 'Public Farms' });
  unverified = await vendorStore(app, { name: 'Unverified Farms', kycStatus: 'pending_verification' });
  elsewhere = await vendorStore(app, { name: 'Golden State Farms', state: 'CA' });
  await app.deps.db
    .update(stores)
    .set({ description: 'Sun-grown since 2019.', dbaName: 'PF', phone: '+1 405 555 0100', email: 'sales@pf.test' })
    .where(eq(stores.id, listed.storeId));
});
afterAll(() => app.close());

const publicGet = (token: string, storeId: string) => app.call({ token }).caller.store.public.get({ storeId });

describe('store.public.get', () => {
  it('shows a buyer a listed vendor as its storefront does, and nothing private', async () => {
    const profile = await publicGet(buyer.token, listed.storeId);
    // Written out field by field: phone, email, street address, KYC status and owner never leave.
    expect(profile).toEqual({
      id: listed.storeId,
      name: 'Public Farms',
      dbaName: 'PF',
      description: 'Sun-grown since 2019.',
      logoUrl: null,
      bannerUrl: null,
      city: 'Springfield',
      state: 'OK',
      badges: ['verified'],
    });
    const browsed = await app.call({ token: buyer.token }).caller.browse.storefront({ vendorId: listed.storeId });
    expect(browsed.vendor).toEqual({
      id: profile.id,
      name: profile.name,
      logoUrl: profile.logoUrl,
      city: profile.city,
      state: profile.state,
      badges: profile.badges,
      description: profile.description,
      bannerUrl: profile.bannerUrl,
      // The storefront's "About the business" shows the business phone to buyers allowed to see the vendor.
      phone: '+1 405 555 0100',
    });
  });

  it("shows the caller's own store, whatever its type", async () => {
    expect(await publicGet(buyer.token, buyer.storeId)).toMatchObject({ id: buyer.storeId, badges: [] });
    expect(await publicGet(unverified.token, unverified.storeId)).toMatchObject({ id: unverified.storeId });
  });

  it('answers NOT_FOUND, exactly as for a random id, for every store the caller may not see', async () => {
    const random = await failureOf(publicGet(buyer.token, randomUUID()));
    expect(random).toMatchObject({ code: 'NOT_FOUND', message: 'Store not found.' });
    const hidden: [Store, string][] = [
      [buyer, unverified.storeId],
      [buyer, elsewhere.storeId],
      [buyer, otherBuyer.storeId],
      [listed, buyer.storeId],
      [elsewhere, listed.storeId],
    ];
    for (const [viewer, storeId] of hidden) {
      const failure = await failureOf(publicGet(viewer.token, storeId));
      expect({ code: failure.code, message: failure.message }).toEqual({ code: random.code, message: random.message });
    }
  });
});

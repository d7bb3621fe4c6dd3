import { randomUUID } from 'node:crypto';
import { notifications, stores } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsConsumer } from '../src/consumers/notifications';
import { subscriptionReconcileJob } from '../src/cron/jobs/subscription-reconcile';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { SCOPE_MEMO_MS } from '../src/services/browse/memo';
import { createTestApp, createTestClock, registerOwner, STRONG_PASSWORD, signIn, type TestApp } from '../src/testing';
import { insertPlan, sessionIdOf } from './billing-helpers';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { adminSession, insertLicense, signUpAdmin } from './license-helpers';
import { productInput } from './product-fixtures';

/**
 * Issue 13, done-means 3, through the API as the UI drives it: a vendor verified by an admin is not listed;
 * it subscribes (simulated checkout, "Pay now"); its product reaches same-state buyers once browse's scope
 * memory (SCOPE_MEMO_MS, 2 s) runs out; the listing survives a failed renewal during grace and goes when
 * grace or a canceled period ends (injected clock, the reconcile cron job).
 */
let app: TestApp;
const clock = createTestClock();
const DAY = 86_400_000;
let adminEmail: string;
let buyerEmail: string;
const GRACE_DAYS = 5;

beforeAll(async () => {
  app = await createTestApp({ ...RELAXED_LIMITS, BILLING_GRACE_DAYS: String(GRACE_DAYS) }, { clock });
  await insertPlan(app, { name: 'Vendor Standard', priceCents: 9900, isDefault: true });
  adminEmail = (await signUpAdmin(app)).email;
  buyerEmail = (await registerOwner(app, { storeType: 'buyer' })).input.email;
});
afterAll(() => app.close());

/** Sessions are re-opened after each clock jump (access tokens live minutes). */
const session = async (email: string) => (await signIn(app, email, STRONG_PASSWORD, freshIp())).token;
const runCron = () => subscriptionReconcileJob.run(app.deps, new AbortController().signal);

async function buyerSees(productId: string): Promise<boolean> {
  clock.advance(SCOPE_MEMO_MS + 1);
  const page = await app.call({ token: await session(buyerEmail) }).caller.browse.products({ q: undefined });
  return page.items.some((item) => item.id === productId);
}

/** A vendor in the buyer's state whose license an admin just verified, with one active product. */
async function verifiedVendorWithProduct() {
  const owner = await registerOwner(app);
  const license = await insertLicense(app, { storeId: owner.storeId, userId: owner.userId }, 'pending');
  await app
    .call({ token: await adminSession(app, adminEmail), idempotencyKey: randomUUID() })
    .caller.admin.licenses.decide({ licenseId: license.id, decision: 'verified' });
  const product = await app
    .call({ token: owner.token, idempotencyKey: randomUUID() })
    .caller.vendorProducts.create(productInput({ title: `Gated Kush ${randomUUID().slice(0, 6)}` }));
  return { email: owner.input.email, storeId: owner.storeId, productId: product.id };
}

async function subscribeInBrowser(email: string) {
  const vendor = (key = randomUUID()) => app.call({ token: tokenCache.get(email), idempotencyKey: key }).caller.billing;
  tokenCache.set(email, await session(email));
  const { url } = await vendor().subscribe({});
  expect(url).toMatch(/^\/vendor\/billing\/checkout\/cs_sim_/);
  const page = await vendor().simulator.checkout({ sessionId: sessionIdOf(url) });
  expect(page).toMatchObject({ status: 'open', plan: { name: 'Vendor Standard', priceCents: 9900 } });
  const paid = await vendor().simulator.pay({ sessionId: sessionIdOf(url) });
  expect(paid.url).toBe('/vendor/billing?checkout=success');
}
const tokenCache = new Map<string, string>();
const billing = async (email: string) =>
  app.call({ token: await session(email), idempotencyKey: randomUUID() }).caller.billing;
const listedFlag = async (storeId: string) =>
  (await app.deps.db.select({ listed: stores.subscriptionActive }).from(stores).where(eq(stores.id, storeId)))[0]
    ?.listed;

describe('vendor listing follows the subscription', () => {
  it('verified but unsubscribed: not listed; subscribed: listed to same-state buyers; notified', async () => {
    const vendor = await verifiedVendorWithProduct();
    expect(await buyerSees(vendor.productId)).toBe(false);
    await subscribeInBrowser(vendor.email);
    expect(await listedFlag(vendor.storeId)).toBe(true);
    expect(await buyerSees(vendor.productId)).toBe(true);
    const overview = await (await billing(vendor.email)).overview();
    expect(overview).toMatchObject({ provider: 'simulated', listing: { listed: true, reason: 'active' } });
    expect(overview.subscription?.status).toBe('active');
    expect(overview.charges).toEqual([expect.objectContaining({ amountCents: 9900, status: 'succeeded' })]);
    await dispatchOutboxBatch(app.deps);
    await app.deps.transport.receive('notifications', 100, createDeliveryProcessor(app.deps, notificationsConsumer));
    const inbox = await app.deps.db.select().from(notifications).where(eq(notifications.storeId, vendor.storeId));
    expect(inbox.map((n) => n.title)).toContain('Subscription active');
  });

  it('cancel at period end: listed until the period passes, then hidden (reconcile job, injected clock)', async () => {
    const vendor = await verifiedVendorWithProduct();
    await subscribeInBrowser(vendor.email);
    const canceled = await (await billing(vendor.email)).cancel();
    expect(canceled.subscription).toMatchObject({ cancelAtPeriodEnd: true, nextChargeAt: null });
    clock.advance(20 * DAY);
    await runCron();
    expect(await buyerSees(vendor.productId)).toBe(true);
    clock.advance(12 * DAY);
    await runCron();
    expect(await buyerSees(vendor.productId)).toBe(false);
    const after = await (await billing(vendor.email)).overview();
    expect(after.subscription?.status).toBe('canceled');
    expect(after.listing.listed).toBe(false);
  });

  it('failed renewal: listed during the grace days, hidden after them', async () => {
    const vendor = await verifiedVendorWithProduct();
    await subscribeInBrowser(vendor.email);
    await (await billing(vendor.email)).simulator.failRenewal();
    clock.advance((GRACE_DAYS - 1) * DAY);
    await runCron();
    expect(await buyerSees(vendor.productId)).toBe(true);
    const inGrace = await (await billing(vendor.email)).overview();
    expect(inGrace.listing).toMatchObject({ listed: true, reason: 'grace' });
    clock.advance(2 * DAY);
    await runCron();
    expect(await listedFlag(vendor.storeId)).toBe(false);
    expect(await buyerSees(vendor.productId)).toBe(false);
  });

  it('an admin override lists a store without a subscription, audited with its reason', async () => {
    const vendor = await verifiedVendorWithProduct();
    const admin = app.call({ token: await adminSession(app, adminEmail), idempotencyKey: randomUUID() }).caller;
    const row = await admin.admin.billing.stores.setOverride({
      storeId: vendor.storeId,
      mode: 'listed',
      reason: 'Paid by check, invoice 1042',
    });
    expect(row).toMatchObject({ listed: true, override: { listed: true, reason: 'Paid by check, invoice 1042' } });
    expect(await buyerSees(vendor.productId)).toBe(true);
    const audit = await app
      .call({ token: await adminSession(app, adminEmail) })
      .caller.admin.audit.list({ storeId: vendor.storeId });
    expect(audit.items[0]).toMatchObject({
      action: 'store.listing_override_set',
      details: { reason: 'Paid by check, invoice 1042' },
    });
    await runCron();
    expect(await listedFlag(vendor.storeId)).toBe(true);
  });
});

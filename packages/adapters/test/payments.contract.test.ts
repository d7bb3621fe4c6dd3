import { randomUUID } from 'node:crypto';
import { createPgliteDb, type DbHandle } from '@pf/db';
import type { CheckoutPlan, PaymentsProvider } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedPayments, createStripePayments } from '../src';
import { startFakeStripe } from './fake-stripe-server';

/**
 * One suite, every payments adapter: Stripe (the real SDK against a local fake Stripe server reached through
 * the SDK's host/port/protocol options) and the simulated provider (over an in-memory PGlite database).
 * `pay` is the customer completing the hosted checkout, whatever page that is.
 */
interface Harness {
  provider: PaymentsProvider;
  pay(sessionId: string): Promise<string>;
  close(): Promise<void>;
}

const harnesses: [string, () => Promise<Harness>][] = [
  [
    'stripe',
    async () => {
      const fake = await startFakeStripe();
      const provider = createStripePayments({
        secretKey: 'sk_test_contract',
        host: fake.host,
        port: fake.port,
        protocol: 'http',
        maxNetworkRetries: 0,
      });
      return { provider, pay: async (sessionId) => fake.completeCheckout(sessionId), close: fake.close };
    },
  ],
  [
    'simulated',
    async () => {
      const handle: DbHandle = createPgliteDb();
      await handle.migrate();
      const provider = createSimulatedPayments({
        db: handle.db,
        clock: { now: () => new Date() },
        webhookSecret: 'whsec_contract',
        deliver: async () => undefined,
        checkoutPath: (sessionId) => `/vendor/billing/checkout/${sessionId}`,
      });
      return {
        provider,
        pay: async (sessionId) => (await provider.completeCheckout(sessionId)).id,
        close: handle.close,
      };
    },
  ],
];

const plan = (overrides: Partial<CheckoutPlan> = {}): CheckoutPlan => ({
  planId: randomUUID(),
  name: 'Vendor Standard',
  priceId: 'price_standard_monthly',
  amountCents: 4900,
  currency: 'usd',
  interval: 'month',
  trialDays: 0,
  ...overrides,
});

describe.each(harnesses)('PaymentsProvider contract: %s', (_name, start) => {
  let h: Harness;
  const storeId = randomUUID();
  beforeAll(async () => {
    h = await start();
  }, 60_000);
  afterAll(() => h.close());

  const customer = async (key = randomUUID()) =>
    (
      await h.provider.createCustomer({
        storeId,
        name: 'Sunrise Cultivation',
        email: 'owner@example.com',
        idempotencyKey: key,
      })
    ).customerId;
  const checkout = async (customerId: string, sold = plan(), key = randomUUID()) =>
    h.provider.createCheckoutSession({
      customerId,
      storeId,
      plan: sold,
      successUrl: 'http://localhost:3000/vendor/billing?checkout=success',
      cancelUrl: 'http://localhost:3000/vendor/billing?checkout=canceled',
      idempotencyKey: key,
    });

  it('creates one customer per idempotency key', async () => {
    const key = randomUUID();
    const first = await customer(key);
    expect(first).toMatch(/^cus_/);
    expect(await customer(key)).toBe(first);
    expect(await customer()).not.toBe(first);
  });

  it('opens one checkout session per idempotency key, with a page to pay on', async () => {
    const customerId = await customer();
    const key = randomUUID();
    const session = await checkout(customerId, plan(), key);
    expect(session.sessionId).toMatch(/^cs_/);
    expect(session.url).toBeTruthy();
    expect(await checkout(customerId, plan(), key)).toEqual(session);
  });

  it('starts the subscription once paid: the plan’s price, the store in its metadata, a month-long period', async () => {
    const sold = plan();
    const session = await checkout(await customer(), sold);
    const subscriptionId = await h.pay(session.sessionId);
    const subscription = await h.provider.getSubscription(subscriptionId);
    expect(subscription).toMatchObject({
      id: subscriptionId,
      status: 'active',
      priceId: sold.priceId,
      cancelAtPeriodEnd: false,
      canceledAt: null,
      trialEnd: null,
      metadata: { store_id: storeId, plan_id: sold.planId },
    });
    const days =
      ((subscription?.currentPeriodEnd?.getTime() ?? 0) - (subscription?.currentPeriodStart?.getTime() ?? 0)) /
      86_400_000;
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(31);
  });

  it('starts a plan with trial days in trial, ending when the first period ends', async () => {
    const session = await checkout(await customer(), plan({ trialDays: 14 }));
    const subscription = await h.provider.getSubscription(await h.pay(session.sessionId));
    expect(subscription?.status).toBe('trialing');
    expect(subscription?.trialEnd?.getTime()).toBe(subscription?.currentPeriodEnd?.getTime());
  });

  it('sets and clears cancel at period end, keeping the subscription running meanwhile', async () => {
    const subscriptionId = await h.pay((await checkout(await customer())).sessionId);
    const canceling = await h.provider.setCancelAtPeriodEnd({
      subscriptionId,
      cancelAtPeriodEnd: true,
      idempotencyKey: randomUUID(),
    });
    expect(canceling).toMatchObject({ id: subscriptionId, status: 'active', cancelAtPeriodEnd: true });
    expect((await h.provider.getSubscription(subscriptionId))?.cancelAtPeriodEnd).toBe(true);
    const kept = await h.provider.setCancelAtPeriodEnd({
      subscriptionId,
      cancelAtPeriodEnd: false,
      idempotencyKey: randomUUID(),
    });
    expect(kept).toMatchObject({ status: 'active', cancelAtPeriodEnd: false, canceledAt: null });
  });

  it('opens a portal session for an existing customer', async () => {
    const portal = await h.provider.createPortalSession({
      customerId: await customer(),
      returnUrl: 'http://localhost:3000/vendor/billing',
      idempotencyKey: randomUUID(),
    });
    expect(portal.url).toBeTruthy();
  });

  it('answers null for a subscription it does not have', async () => {
    expect(await h.provider.getSubscription('sub_unknown_123')).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { createPgliteDb, type DbHandle } from '@pf/db';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulatedPayments, type SimulatedPayments } from '../src';

const SECRET = 'whsec_simulated_test';
const DAY = 86_400_000;
let handle: DbHandle;
let offset = 0;
const clock = { now: () => new Date(Date.now() + offset) };
const received: { type: string; created: number; object: Record<string, unknown> }[] = [];
let payments: SimulatedPayments;

beforeAll(async () => {
  handle = createPgliteDb();
  await handle.migrate();
  payments = createSimulatedPayments({
    db: handle.db,
    clock,
    webhookSecret: SECRET,
    // The oracle is the SDK itself: a delivery it cannot verify would fail here.
    deliver: async (payload, header) => {
      const event = Stripe.webhooks.constructEvent(payload, header, SECRET, 300, undefined, clock.now().getTime());
      received.push({
        type: event.type,
        created: event.created,
        object: event.data.object as unknown as Record<string, unknown>,
      });
    },
    checkoutPath: (sessionId) => `/vendor/billing/checkout/${sessionId}`,
  });
}, 60_000);
afterAll(() => handle.close());

async function subscribe(trialDays = 0) {
  const storeId = randomUUID();
  const { customerId } = await payments.createCustomer({
    storeId,
    name: 'S',
    email: null,
    idempotencyKey: randomUUID(),
  });
  const session = await payments.createCheckoutSession({
    customerId,
    storeId,
    plan: {
      planId: randomUUID(),
      name: 'Standard',
      priceId: 'price_sim',
      amountCents: 4900,
      currency: 'usd',
      interval: 'month',
      trialDays,
    },
    successUrl: '/vendor/billing?checkout=success',
    cancelUrl: '/vendor/billing?checkout=canceled',
    idempotencyKey: randomUUID(),
  });
  return { session, storeId };
}

const typesSince = (mark: number) => received.slice(mark).map((event) => event.type);

describe('simulated provider deliveries', () => {
  it('pays at once and delivers Stripe-signed events in Stripe’s order; paying again redelivers the same events', async () => {
    const { session, storeId } = await subscribe();
    expect(session.url).toBe(`/vendor/billing/checkout/${session.sessionId}`);
    const mark = received.length;
    const subscription = await payments.completeCheckout(session.sessionId);
    expect(typesSince(mark)).toEqual(['checkout.session.completed', 'customer.subscription.created', 'invoice.paid']);
    const invoice = received.at(-1)?.object as {
      amount_paid: number;
      parent: { subscription_details: { subscription: string; metadata: Record<string, string> } };
    };
    expect(invoice.amount_paid).toBe(4900);
    expect(invoice.parent.subscription_details).toMatchObject({
      subscription: subscription.id,
      metadata: { store_id: storeId },
    });
    const ids = received.slice(mark).map((event) => JSON.stringify(event));
    const again = received.length;
    expect((await payments.completeCheckout(session.sessionId)).id).toBe(subscription.id);
    expect(received.slice(again).map((event) => JSON.stringify(event))).toEqual(ids);
  });

  it('renews when a period passes, and ends a subscription set to cancel once its period is over', async () => {
    const { session } = await subscribe();
    const { id } = await payments.completeCheckout(session.sessionId);
    let mark = received.length;
    offset += 32 * DAY;
    const renewed = await payments.getSubscription(id);
    expect(typesSince(mark)).toEqual(['invoice.paid', 'customer.subscription.updated']);
    expect(renewed?.status).toBe('active');
    expect(renewed?.currentPeriodEnd?.getTime()).toBeGreaterThan(clock.now().getTime());

    mark = received.length;
    await payments.setCancelAtPeriodEnd({ subscriptionId: id, cancelAtPeriodEnd: true, idempotencyKey: randomUUID() });
    await payments.setCancelAtPeriodEnd({ subscriptionId: id, cancelAtPeriodEnd: true, idempotencyKey: randomUUID() });
    expect(typesSince(mark)).toEqual(['customer.subscription.updated']);
    offset += 32 * DAY;
    mark = received.length;
    expect((await payments.getSubscription(id))?.status).toBe('canceled');
    expect(typesSince(mark)).toEqual(['customer.subscription.deleted']);
  });

  it('fails a renewal: invoice.payment_failed, then the subscription past due', async () => {
    const { session } = await subscribe(14);
    const { id, status } = await payments.completeCheckout(session.sessionId);
    expect(status).toBe('trialing');
    const mark = received.length;
    expect((await payments.failRenewal(id)).status).toBe('past_due');
    expect(typesSince(mark)).toEqual(['invoice.payment_failed', 'customer.subscription.updated']);
  });
});

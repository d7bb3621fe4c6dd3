import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStripePayments, STRIPE_API_VERSION } from '../src';
import { type FakeStripe, startFakeStripe } from './fake-stripe-server';

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(() => fake.close());

const provider = () =>
  createStripePayments({
    secretKey: 'sk_test_wire',
    host: fake.host,
    port: fake.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });

describe('Stripe adapter on the wire', () => {
  it('sends the pinned API version and the secret key, and an idempotency key on every write', async () => {
    const stripe = provider();
    const storeId = randomUUID();
    const { customerId } = await stripe.createCustomer({
      storeId,
      name: 'Red Dirt',
      email: null,
      idempotencyKey: 'customer-key',
    });
    const session = await stripe.createCheckoutSession({
      customerId,
      storeId,
      plan: {
        planId: randomUUID(),
        name: 'Pro',
        priceId: 'price_pro',
        amountCents: 9900,
        currency: 'usd',
        interval: 'year',
        trialDays: 7,
      },
      successUrl: 'https://app.example/vendor/billing?checkout=success',
      cancelUrl: 'https://app.example/vendor/billing?checkout=canceled',
      idempotencyKey: 'checkout-key',
    });
    const subscriptionId = fake.completeCheckout(session.sessionId);
    await stripe.setCancelAtPeriodEnd({ subscriptionId, cancelAtPeriodEnd: true, idempotencyKey: 'cancel-key' });
    await stripe.createPortalSession({
      customerId,
      returnUrl: 'https://app.example/vendor/billing',
      idempotencyKey: 'portal-key',
    });
    await stripe.getSubscription(subscriptionId);

    for (const request of fake.requests) {
      expect(request.stripeVersion).toBe(STRIPE_API_VERSION);
      expect(request.authorization).toBe('Bearer sk_test_wire');
    }
    const writes = fake.requests.filter((request) => request.method === 'POST');
    expect(writes.map((request) => request.idempotencyKey)).toEqual([
      'customer-key',
      'checkout-key',
      'cancel-key',
      'portal-key',
    ]);
  });

  it('asks Checkout for a subscription of the plan’s price, with the store and plan on the subscription', async () => {
    const checkout = fake.requests.find((request) => request.path === '/v1/checkout/sessions');
    expect(checkout?.form).toMatchObject({
      mode: 'subscription',
      'line_items[0][price]': 'price_pro',
      'line_items[0][quantity]': '1',
      'subscription_data[trial_period_days]': '7',
      success_url: 'https://app.example/vendor/billing?checkout=success',
    });
    expect(checkout?.form['subscription_data[metadata][store_id]']).toMatch(/^[0-9a-f-]{36}$/);
    // No card field is ever sent: the card is typed on Stripe's page.
    expect(Object.keys(checkout?.form ?? {}).some((field) => /card|number|cvc/i.test(field))).toBe(false);
  });

  it('replays a repeated write instead of creating a second customer', async () => {
    const stripe = provider();
    const first = await stripe.createCustomer({
      storeId: randomUUID(),
      name: 'A',
      email: null,
      idempotencyKey: 'same',
    });
    const again = await stripe.createCustomer({
      storeId: randomUUID(),
      name: 'A',
      email: null,
      idempotencyKey: 'same',
    });
    expect(again).toEqual(first);
  });
});

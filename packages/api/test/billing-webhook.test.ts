import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { billingWebhookEvents, charges, outboxEvents, stores, subscriptions } from '@pf/db';
import { and, eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleStripeWebhook, MAX_WEBHOOK_BYTES } from '../src/http/stripe-webhook';
import { createTestApp, createTestClock, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';
import {
  eventOf,
  invoiceObject,
  type SubscriptionFixture,
  signed,
  subscriptionObject,
  WEBHOOK_SECRET,
  webhookRequest,
} from './stripe-fixtures';

let app: TestApp;
const clock = createTestClock();
const logLines: Record<string, unknown>[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  app = await createTestApp(
    { ...RELAXED_LIMITS, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET },
    { clock, logger: pino({ level: 'info' }, sink) },
  );
});
afterAll(() => app.close());

const deliver = async (request: Request) => {
  const response = await handleStripeWebhook(app.deps, request);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const post = (event: unknown, signedAt = clock.now(), secret = WEBHOOK_SECRET) => {
  const { body, header } = signed(event, signedAt, secret);
  return deliver(webhookRequest(body, header));
};

async function vendor() {
  const owner = await registerOwner(app);
  const fixture: SubscriptionFixture = {
    id: `sub_${randomUUID().slice(0, 12)}`,
    customer: `cus_${randomUUID().slice(0, 12)}`,
    storeId: owner.storeId,
    status: 'active',
    start: clock.now(),
    end: new Date(clock.now().getTime() + 30 * DAY),
  };
  return { storeId: owner.storeId, fixture };
}

async function stateOf(storeId: string) {
  const [store] = await app.deps.db
    .select({ listed: stores.subscriptionActive })
    .from(stores)
    .where(eq(stores.id, storeId));
  const [sub] = await app.deps.db.select().from(subscriptions).where(eq(subscriptions.storeId, storeId));
  const events = await app.deps.db
    .select({ payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.eventType, 'subscription_changed'), eq(outboxEvents.aggregateId, storeId)));
  const storeCharges = await app.deps.db.select().from(charges).where(eq(charges.storeId, storeId));
  return {
    listed: store?.listed,
    status: sub?.status ?? null,
    cancelAtPeriodEnd: sub?.cancelAtPeriodEnd ?? null,
    subscriptionUpdatedAt: sub?.updatedAt.toISOString() ?? null,
    changes: events.map((row) => (row.payload.data as { change: string }).change),
    charges: storeCharges.map((row) => ({
      status: row.status,
      amountCents: row.amountCents,
      invoice: row.providerInvoiceId,
    })),
  };
}

const processedCount = async () =>
  (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(billingWebhookEvents))[0]?.n ?? 0;

describe('signed events (Stripe-Signature verified on the raw body with the SDK)', () => {
  it('applies a valid customer.subscription.created: mirror, listing flag and subscription_changed together', async () => {
    const { storeId, fixture } = await vendor();
    expect((await stateOf(storeId)).listed).toBe(false);
    const result = await post(eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now()));
    expect(result).toEqual({ status: 200, body: { received: true, outcome: 'applied' } });
    expect(await stateOf(storeId)).toMatchObject({ listed: true, status: 'active', changes: ['subscribed'] });
  });

  it('refuses a tampered body with 400, changes nothing and logs the refusal', async () => {
    const { storeId, fixture } = await vendor();
    const { body, header } = signed(
      eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now()),
      clock.now(),
    );
    const tampered = body.replace('"status":"active"', '"status":"trialing"');
    expect(tampered).not.toBe(body);
    const before = { state: await stateOf(storeId), processed: await processedCount() };
    const result = await deliver(webhookRequest(tampered, header));
    expect(result.status).toBe(400);
    expect(result.body.code).toBe('SIGNATURE_INVALID');
    expect({ state: await stateOf(storeId), processed: await processedCount() }).toEqual(before);
    expect(
      logLines.some((line) => line.msg === 'stripe webhook refused: signature does not verify' && line.level === 40),
    ).toBe(true);
  });

  it('refuses a body signed with another secret, and one with no signature, with 400', async () => {
    const { storeId, fixture } = await vendor();
    const event = eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now());
    expect((await post(event, clock.now(), 'whsec_someone_else')).status).toBe(400);
    expect((await deliver(webhookRequest(JSON.stringify(event)))).status).toBe(400);
    expect((await stateOf(storeId)).status).toBeNull();
  });

  it('refuses a stale signature (timestamp beyond the 5-minute tolerance) as a possible replay', async () => {
    const { storeId, fixture } = await vendor();
    const event = eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now());
    const result = await post(event, new Date(clock.now().getTime() - 6 * 60_000));
    expect(result.status).toBe(400);
    expect((await stateOf(storeId)).status).toBeNull();
    expect((await post(event, new Date(clock.now().getTime() - 4 * 60_000))).status).toBe(200);
  });

  it('answers a replayed event 200 and changes nothing the second time', async () => {
    const { storeId, fixture } = await vendor();
    const { body, header } = signed(
      eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now()),
      clock.now(),
    );
    expect((await deliver(webhookRequest(body, header))).body.outcome).toBe('applied');
    const before = { state: await stateOf(storeId), processed: await processedCount() };
    clock.advance(1000);
    const again = await deliver(webhookRequest(body, header));
    expect(again).toEqual({ status: 200, body: { received: true, outcome: 'duplicate' } });
    expect({ state: await stateOf(storeId), processed: await processedCount() }).toEqual(before);
  });
});

describe('ordering (Stripe does not guarantee it)', () => {
  it('keeps the newer state when `updated` arrives before `created`', async () => {
    const { storeId, fixture } = await vendor();
    const createdAt = clock.now();
    const updatedAt = new Date(createdAt.getTime() + 5000);
    const updated = eventOf(
      'customer.subscription.updated',
      subscriptionObject({ ...fixture, cancelAtPeriodEnd: true }),
      updatedAt,
    );
    const created = eventOf('customer.subscription.created', subscriptionObject(fixture), createdAt);
    expect((await post(updated)).body.outcome).toBe('applied');
    expect(await stateOf(storeId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, listed: true });
    expect((await post(created)).body).toEqual({ received: true, outcome: 'stale' });
    expect(await stateOf(storeId)).toMatchObject({ status: 'active', cancelAtPeriodEnd: true, listed: true });
  });

  it('orders events of the same second by the subscription’s lifecycle: created never undoes updated or deleted', async () => {
    const { storeId, fixture } = await vendor();
    const second = clock.now();
    await post(
      eventOf('customer.subscription.deleted', subscriptionObject({ ...fixture, status: 'canceled' }), second),
    );
    expect(
      (await post(eventOf('customer.subscription.updated', subscriptionObject(fixture), second))).body.outcome,
    ).toBe('stale');
    expect(
      (await post(eventOf('customer.subscription.created', subscriptionObject(fixture), second))).body.outcome,
    ).toBe('stale');
    expect(await stateOf(storeId)).toMatchObject({ status: 'canceled', listed: false });
  });

  it('mirrors invoices into charges; a paid invoice stays paid when its earlier failure arrives late', async () => {
    const { storeId, fixture } = await vendor();
    await post(eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now()));
    const invoiceId = `in_${randomUUID().slice(0, 12)}`;
    const invoice = (paid: boolean) =>
      invoiceObject({
        subscriptionId: fixture.id,
        customer: fixture.customer,
        storeId,
        amountCents: 9900,
        paid,
        at: clock.now(),
        invoiceId,
      });
    await post(eventOf('invoice.paid', invoice(true), clock.now()));
    await post(eventOf('invoice.payment_failed', invoice(false), new Date(clock.now().getTime() - 60_000)));
    expect((await stateOf(storeId)).charges).toEqual([{ status: 'succeeded', amountCents: 9900, invoice: invoiceId }]);
  });

  it('a failed renewal starts the grace period: still listed, the vendor told', async () => {
    const { storeId, fixture } = await vendor();
    await post(eventOf('customer.subscription.created', subscriptionObject(fixture), clock.now()));
    const failure = invoiceObject({
      subscriptionId: fixture.id,
      customer: fixture.customer,
      storeId,
      amountCents: 9900,
      paid: false,
      at: clock.now(),
    });
    await post(eventOf('invoice.payment_failed', failure, clock.now()));
    await post(
      eventOf(
        'customer.subscription.updated',
        subscriptionObject({ ...fixture, status: 'past_due' }),
        new Date(clock.now().getTime() + 1000),
      ),
    );
    const state = await stateOf(storeId);
    expect(state).toMatchObject({ listed: true, status: 'past_due', changes: ['subscribed', 'payment_failed'] });
    expect(state.charges[0]?.status).toBe('failed');
  });
});

describe('bad input never answers 500', () => {
  it('answers 413 to a body above 5 MB, whether or not Content-Length announces it', async () => {
    const big = 'x'.repeat(MAX_WEBHOOK_BYTES + 1);
    expect((await deliver(webhookRequest(big, 't=1,v1=abc'))).status).toBe(413);
    expect((await deliver(webhookRequest(big, 't=1,v1=abc', { 'content-length': String(big.length) }))).status).toBe(
      413,
    );
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 6; i++) controller.enqueue(new Uint8Array(1024 * 1024));
        controller.close();
      },
    });
    const streamed = new Request('http://localhost/api/webhooks/stripe', {
      method: 'POST',
      headers: { 'stripe-signature': 't=1,v1=abc' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect((await deliver(streamed)).status).toBe(413);
  });

  it('answers malformed JSON with 400 (signed or not)', async () => {
    const { header } = signed({}, clock.now());
    expect((await deliver(webhookRequest('{"id": "evt_1", "type": ', header))).status).toBe(400);
    const body = '{"id": "evt_1", "type": ';
    const { default: Stripe } = await import('stripe');
    const validHeader = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret: WEBHOOK_SECRET,
      timestamp: Math.floor(clock.now().getTime() / 1000),
    });
    const result = await deliver(webhookRequest(body, validHeader));
    expect(result).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect((await deliver(webhookRequest('', validHeader))).status).toBe(400);
  });

  it('acknowledges an unknown event type with 200 and ignores it', async () => {
    const before = await processedCount();
    const result = await post(eventOf('customer.created', { id: 'cus_1', object: 'customer' }, clock.now()));
    expect(result).toEqual({ status: 200, body: { received: true, outcome: 'ignored' } });
    expect(await processedCount()).toBe(before);
  });

  it('answers a signed event whose object is malformed or has an unknown status with 400, writing nothing', async () => {
    const { storeId, fixture } = await vendor();
    const before = await processedCount();
    expect((await post(eventOf('customer.subscription.created', { id: 'sub_1' }, clock.now()))).status).toBe(400);
    const unknown = subscriptionObject({ ...fixture, status: 'frozen' });
    expect((await post(eventOf('customer.subscription.created', unknown, clock.now()))).status).toBe(400);
    expect((await post({ hello: 'world' })).status).toBe(400);
    expect(await processedCount()).toBe(before);
    expect((await stateOf(storeId)).status).toBeNull();
  });

  it('records an event for a subscription of no store of ours and answers 200', async () => {
    const foreign = {
      id: 'sub_foreign',
      customer: 'cus_foreign',
      storeId: randomUUID(),
      status: 'active',
      start: clock.now(),
      end: clock.now(),
    };
    const result = await post(eventOf('customer.subscription.created', subscriptionObject(foreign), clock.now()));
    expect(result.body.outcome).toBe('unmatched');
  });
});

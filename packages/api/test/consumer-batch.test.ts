import { randomUUID } from 'node:crypto';
import { eventDeliveries } from '@pf/db';
import type { EventTransport } from '@pf/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumerLoop } from '../src/loops/eventing';
import { createTestApp, type TestApp } from '../src/testing';
import { BATCH_EFFECTS_TABLE, batchConsumer, emitJoined, once } from './consumer-batch-helpers';
import { RELAXED_LIMITS } from './helpers';

/** The batch receive path (embedded transport `receiveBatch` + `createBatchProcessor`), which the worker uses. */
const MAX_ATTEMPTS = 3;
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    ...RELAXED_LIMITS,
    CONSUMER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    // Long: a retried message is certainly not visible again until a test moves its visible_at.
    CONSUMER_RETRY_BASE_MS: '60000',
    EVENT_BACKOFF_CAP_MS: '600000',
    OUTBOX_BATCH_SIZE: '500',
  });
  // No unique key: an effect committed twice shows up as a second row.
  await app.deps.db.execute(BATCH_EFFECTS_TABLE);
});
afterAll(() => app.close());

describe('batch receive', () => {
  it('one failing handler: the others commit exactly once, the bad one retries and lands in the DLQ', async () => {
    const c = batchConsumer(app);
    const ids = await emitJoined(app, 5);
    const bad = ids[2] ?? '';
    const good = ids.filter((id) => id !== bad);
    c.poisoned.add(bad);
    await c.dispatch();

    expect(await c.receive()).toBe(5);
    expect(await c.effects()).toEqual(once(good));
    expect((await c.receipts()).sort()).toEqual([...good].sort());
    expect(await c.delivery(bad)).toMatchObject({ attemptCount: 1, ackedAt: null, lastError: `poisoned ${bad}` });
    for (const id of good) expect((await c.delivery(id))?.ackedAt).not.toBeNull();
    expect(await c.receive()).toBe(0); // backing off

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      await c.advance(bad);
      expect(await c.receive()).toBe(1);
    }
    expect(await c.letter(bad)).toMatchObject({
      reason: 'handler_failed',
      errorMessage: `poisoned ${bad}`,
      attemptCount: MAX_ATTEMPTS,
    });
    expect((await c.delivery(bad))?.ackedAt).not.toBeNull();
    expect(await c.receive()).toBe(0);
    expect(await c.effects()).toEqual(once(good));
    // Those before the bad one in the batch ran twice (in the rolled-back batch, then alone), yet committed once.
    const runs = good.map((id) => c.calls.filter((call) => call === id).length);
    expect(runs.every((n) => n === 1 || n === 2)).toBe(true);
    expect(c.calls.filter((call) => call === bad)).toHaveLength(MAX_ATTEMPTS + 1);
  });

  it('a redelivered batch has no second effect, also mixed with new events', async () => {
    const c = batchConsumer(app);
    const first = await emitJoined(app, 5);
    await c.dispatch();
    expect(await c.receive()).toBe(5);

    await c.redeliverAll();
    const more = await emitJoined(app, 3);
    await c.dispatch();
    expect(await c.receive()).toBe(8);
    expect(await c.effects()).toEqual(once([...first, ...more]));
    expect((await c.receipts()).sort()).toEqual([...first, ...more].sort());
    // The handler never ran for a redelivered event: its receipt stopped it inside the batch.
    expect(c.calls).toHaveLength(8);
    expect(await c.receive()).toBe(0);
  });

  it('messages it can never handle are parked from inside a batch; the rest are handled', async () => {
    const c = batchConsumer(app);
    const [ok] = await emitJoined(app, 1);
    const v2 = { version: 2, eventId: randomUUID(), occurredAt: new Date().toISOString(), data: {} };
    const message = (eventId: string, body: Record<string, unknown>) => ({
      eventId,
      eventType: 'member_joined',
      aggregateType: 'store',
      aggregateId: randomUUID(),
      orderingKey: 'k',
      createdAt: new Date().toISOString(),
      body,
    });
    const undecodable = randomUUID();
    await c.dispatch();
    await c.instance().transport.publish('stores', [message(v2.eventId, v2), message(undecodable, { nope: true })]);

    expect(await c.receive()).toBe(3);
    expect(await c.effects()).toEqual(once([ok ?? '']));
    expect(await c.letter(v2.eventId)).toMatchObject({ reason: 'unknown_version' });
    expect(await c.letter(undecodable)).toMatchObject({ reason: 'non_retryable' });
    expect(await c.receive()).toBe(0);
  });

  it('two consumer instances on one subscription share the work and double nothing', async () => {
    const c = batchConsumer(app);
    const ids = await emitJoined(app, 300);
    await c.dispatch();
    const drain = async (instance: ReturnType<typeof c.instance>) => {
      let handled = 0;
      for (let got = 1; got > 0; handled += got) got = (await instance.receive(20)) ?? 0;
      return handled;
    };
    const [a, b] = await Promise.all([drain(c.instance()), drain(c.instance())]);
    expect((a ?? 0) + (b ?? 0)).toBe(300);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(0);
    expect(await c.effects()).toEqual(once(ids));
    expect(await c.receipts()).toHaveLength(300);
    const pending = await app.deps.db
      .select({ id: eventDeliveries.id })
      .from(eventDeliveries)
      .where(and(eq(eventDeliveries.subscription, c.consumer.name), isNull(eventDeliveries.ackedAt)));
    expect(pending).toEqual([]);
  });
});

describe('handleBatch', () => {
  it('gets the new events of a batch at once; when it throws, the batch is redone one by one with handle', async () => {
    const c = batchConsumer(app, { batchHandler: true });
    const first = await emitJoined(app, 4);
    await c.dispatch();
    expect(await c.receive()).toBe(4);
    expect(c.batchCalls.map((ids) => [...ids].sort())).toEqual([[...first].sort()]);
    expect(c.calls).toEqual([]);
    expect(await c.effects()).toEqual(once(first));

    // Redelivered events are not passed again; a poisoned one sends the batch down the one-by-one path.
    await c.redeliverAll();
    const more = await emitJoined(app, 3);
    const bad = more[1] ?? '';
    c.poisoned.add(bad);
    await c.dispatch();
    expect(await c.receive()).toBe(7);
    expect(c.batchCalls.at(-1)?.sort()).toEqual([...more].sort());
    const good = [...first, ...more.filter((id) => id !== bad)];
    expect(await c.effects()).toEqual(once(good));
    expect(await c.delivery(bad)).toMatchObject({ attemptCount: 1, ackedAt: null, lastError: `poisoned ${bad}` });
  });
});

describe('consumer loop', () => {
  const noop = async () => 0;
  const stub = (overrides: Partial<EventTransport>): EventTransport => ({
    publish: async () => {},
    receive: noop,
    close: async () => {},
    ...overrides,
  });
  const runOnce = (transport: EventTransport) =>
    consumerLoop(batchConsumer(app).consumer).runOnce({ ...app.deps, transport }, new AbortController().signal);

  it('uses the batch path when the transport has one, the single-message path otherwise (Pub/Sub)', async () => {
    const used: string[] = [];
    const recording = (path: string) => async () => {
      used.push(path);
      return 0;
    };
    await runOnce(stub({ receive: recording('receive') }));
    await runOnce(stub({ receive: noop, receiveBatch: recording('receiveBatch') }));
    expect(used).toEqual(['receive', 'receiveBatch']);
  });
});

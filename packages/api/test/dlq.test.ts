import { randomUUID } from 'node:crypto';
import { createEmbeddedTransport } from '@pf/adapters';
import { eventDeliveries, outboxDlq, outboxEvents } from '@pf/db';
import { EVENT_CATALOG, type EventTransport } from '@pf/domain';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AppDeps } from '../src/deps';
import { bindingFor, type Consumer, createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { getDeadLetter, listDeadLetters, replayDeadLetter, replayDeadLetters } from '../src/events/dlq';
import { createAdmin, createTestApp, failureOf, type TestApp, uniqueEmail } from '../src/testing';
import { deadLetterOf, emitJoined } from './event-helpers';
import { freshIp, RELAXED_LIMITS } from './helpers';

const MAX_ATTEMPTS = 3;
const RETRY_BASE_MS = 5000;
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({
    ...RELAXED_LIMITS,
    CONSUMER_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    // Long enough that "not visible yet" holds on a slow machine; the tests move visible_at instead of waiting.
    CONSUMER_RETRY_BASE_MS: String(RETRY_BASE_MS),
    EVENT_BACKOFF_CAP_MS: '60000',
    OUTBOX_MAX_ATTEMPTS: '2',
    // The dispatcher's retry backoff starts at the poll interval: long, so "still backing off" is certain.
    OUTBOX_POLL_INTERVAL_MS: '5000',
  });
  await app.deps.db.execute(sql`create table dlq_effects (consumer text not null, event_id uuid not null)`);
});
afterAll(() => app.close());

const cli = { userId: null, via: 'cli' as const };
/** Raw SQL rows (postgres-js returns them as an array). */
const rowsOf = async <T>(query: SQL) => (await app.deps.db.execute(query)) as unknown as T[];
/** The database's clock (visible_at is set from it), in epoch milliseconds with microsecond precision. */
const dbClockMs = async () =>
  (await rowsOf<{ ms: number }>(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`))[0]?.ms ?? 0;

/** A consumer that fails its first `failures` calls (a counter), then writes one effect row in the handler's tx. */
function flakyConsumer(failures: number) {
  const state = { failures, calls: 0 };
  const consumer: Consumer = {
    name: `flaky-${randomUUID().slice(0, 8)}`,
    handles: ['member_joined'],
    async handle(tx, event) {
      state.calls++;
      if (state.calls <= state.failures) throw new Error(`flaky failure ${state.calls}`);
      await tx.execute(
        sql`insert into dlq_effects (consumer, event_id) values (${consumer.name}, ${event.envelope.eventId})`,
      );
    },
  };
  const transport = createEmbeddedTransport(app.deps.db, [bindingFor(consumer)]);
  const deps: AppDeps = { ...app.deps, transport };
  const processor = createDeliveryProcessor(deps, consumer);
  return {
    consumer,
    state,
    deps,
    transport,
    dispatch: (via: EventTransport = transport) => dispatchOutboxBatch({ ...deps, transport: via }),
    receive: () => transport.receive(consumer.name, 50, processor),
    effects: async (eventId: string) =>
      (
        await rowsOf<{ n: number }>(
          sql`select count(*)::int as n from dlq_effects where consumer = ${consumer.name} and event_id = ${eventId}`,
        )
      )[0]?.n,
    delivery: async (eventId: string) => {
      const [row] = await app.deps.db
        .select({
          attemptCount: eventDeliveries.attemptCount,
          ackedAt: eventDeliveries.ackedAt,
          lastError: eventDeliveries.lastError,
          visibleAtMs: sql<number>`(extract(epoch from ${eventDeliveries.visibleAt}) * 1000)::float8`,
        })
        .from(eventDeliveries)
        .where(and(eq(eventDeliveries.subscription, consumer.name), eq(eventDeliveries.eventId, eventId)));
      return row;
    },
    /** Moves the clock past the backoff by making the delivery visible now. */
    advance: (eventId: string) =>
      app.deps.db
        .update(eventDeliveries)
        .set({ visibleAt: sql`now()` })
        .where(and(eq(eventDeliveries.subscription, consumer.name), eq(eventDeliveries.eventId, eventId))),
    letter: (eventId: string) => deadLetterOf(app, consumer.name, eventId),
  };
}

const emitOne = async () => {
  const [eventId] = await emitJoined(app, 1);
  if (!eventId) throw new Error('no event emitted');
  return eventId;
};

const envelope = (version: number) => ({
  version,
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  data: { store_id: randomUUID(), user_id: randomUUID(), member_name: 'Casey', role: 'staff' },
});

/** Inserts an outbox row by hand, as a newer (or broken) build might have written it. */
async function insertOutboxRow(eventType: string, version: number) {
  const body = envelope(version);
  await app.deps.db.insert(outboxEvents).values({
    eventId: body.eventId,
    eventType,
    eventVersion: version,
    aggregateType: 'store',
    aggregateId: body.data.store_id,
    payload: body,
  });
  return body.eventId;
}

const dispatcherLetter = async (eventId: string) =>
  (await app.deps.db.select().from(outboxDlq).where(eq(outboxDlq.eventId, eventId)))[0];
const outboxRow = async (eventId: string) =>
  (await app.deps.db.select().from(outboxEvents).where(eq(outboxEvents.eventId, eventId)))[0];

describe('consumer retries and dead letters', () => {
  it('retries with backoff, dead-letters after CONSUMER_MAX_ATTEMPTS, and a replay has exactly one effect', async () => {
    const flaky = flakyConsumer(Number.POSITIVE_INFINITY);
    const eventId = await emitOne();
    await flaky.dispatch();

    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const before = await dbClockMs();
      expect(await flaky.receive()).toBe(1);
      const after = await dbClockMs();
      const delivery = await flaky.delivery(eventId);
      expect(delivery).toMatchObject({ attemptCount: attempt, ackedAt: null, lastError: `flaky failure ${attempt}` });
      // visible_at = (claim time, between before and after) + base * 2^(attempt-1) + 0-250 ms of jitter.
      const delay = RETRY_BASE_MS * 2 ** (attempt - 1);
      expect(delivery?.visibleAtMs).toBeGreaterThanOrEqual(before + delay);
      expect(delivery?.visibleAtMs).toBeLessThanOrEqual(after + delay + 250);
      expect(await flaky.receive()).toBe(0); // not visible again until the backoff has passed
      await flaky.advance(eventId);
    }
    expect(await flaky.receive()).toBe(1);
    expect(flaky.state.calls).toBe(MAX_ATTEMPTS);
    const letter = await flaky.letter(eventId);
    expect(letter).toMatchObject({
      reason: 'handler_failed',
      errorMessage: `flaky failure ${MAX_ATTEMPTS}`,
      attemptCount: MAX_ATTEMPTS,
      eventType: 'member_joined',
      replayCount: 0,
      replayedAt: null,
    });
    expect((await flaky.delivery(eventId))?.ackedAt).not.toBeNull();
    expect(await flaky.effects(eventId)).toBe(0);
    expect(await flaky.receive()).toBe(0);

    // The bug is fixed; replay.
    flaky.state.failures = 0;
    if (!letter) throw new Error('no letter');
    const replayed = await replayDeadLetter(flaky.deps, letter.id, cli);
    expect(replayed).toMatchObject({ replayCount: 1, replayedAt: expect.any(String) });
    expect(await flaky.delivery(eventId)).toMatchObject({ attemptCount: 0, ackedAt: null });
    expect(await flaky.receive()).toBe(1);
    expect(await flaky.effects(eventId)).toBe(1);

    // Replaying again redelivers, but the receipt stops a second effect.
    await replayDeadLetter(flaky.deps, letter.id, cli);
    expect(await flaky.receive()).toBe(1);
    expect(await flaky.receive()).toBe(0);
    expect(await flaky.effects(eventId)).toBe(1);
    expect(flaky.state.calls).toBe(MAX_ATTEMPTS + 1);
    expect(await flaky.letter(eventId)).toMatchObject({ replayCount: 2, reason: 'handler_failed' });
  });

  it('a handler that fails fewer times than the limit recovers by itself with one effect and no letter', async () => {
    const flaky = flakyConsumer(MAX_ATTEMPTS - 1);
    const eventId = await emitOne();
    await flaky.dispatch();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect(await flaky.receive()).toBe(1);
      await flaky.advance(eventId);
    }
    expect(await flaky.effects(eventId)).toBe(1);
    expect(await flaky.letter(eventId)).toBeUndefined();
    expect((await flaky.delivery(eventId))?.ackedAt).not.toBeNull();
  });

  it('a replayed letter that fails again is dead-lettered again, waiting for the next replay', async () => {
    const flaky = flakyConsumer(Number.POSITIVE_INFINITY);
    const eventId = await emitOne();
    await flaky.dispatch();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await flaky.receive();
      await flaky.advance(eventId);
    }
    const letter = await flaky.letter(eventId);
    if (!letter) throw new Error('no letter');
    await replayDeadLetter(flaky.deps, letter.id, cli);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await flaky.receive();
      await flaky.advance(eventId);
    }
    expect(await flaky.letter(eventId)).toMatchObject({
      id: letter.id,
      replayCount: 1,
      replayedAt: null,
      errorMessage: `flaky failure ${2 * MAX_ATTEMPTS}`,
    });
    expect(await flaky.effects(eventId)).toBe(0);
  });
});

describe('dispatcher dead letters', () => {
  it('an unregistered event type is dead-lettered at once as non_retryable, and again after a replay', async () => {
    const eventId = await insertOutboxRow('no_such_event', 1);
    const flaky = flakyConsumer(0);
    await flaky.dispatch();
    const letter = await dispatcherLetter(eventId);
    expect(letter).toMatchObject({ consumer: null, reason: 'non_retryable', attemptCount: 0 });
    expect(letter?.errorMessage).toMatch(/unregistered event type no_such_event/);
    expect((await outboxRow(eventId))?.deadLetteredAt).not.toBeNull();
    expect(await flaky.dispatch()).toBe(0); // terminal: never claimed again

    if (!letter) throw new Error('no letter');
    await replayDeadLetter(flaky.deps, letter.id, cli);
    expect(await outboxRow(eventId)).toMatchObject({ deadLetteredAt: null, attemptCount: 0, publishedAt: null });
    expect(await flaky.dispatch()).toBe(1);
    expect(await dispatcherLetter(eventId)).toMatchObject({
      reason: 'non_retryable',
      replayCount: 1,
      replayedAt: null,
    });
  });

  it('publishing that keeps failing ends in max_attempts; a replay publishes it and it is handled once', async () => {
    const flaky = flakyConsumer(0);
    const broken: EventTransport = {
      ...flaky.transport,
      publish: async () => {
        throw new Error('broker unavailable');
      },
    };
    const eventId = await emitOne();
    expect(await flaky.dispatch(broken)).toBe(1);
    expect(await outboxRow(eventId)).toMatchObject({ attemptCount: 1, publishedAt: null, deadLetteredAt: null });
    expect(await flaky.dispatch(broken)).toBe(0); // backing off
    await app.deps.db.update(outboxEvents).set({ nextAttemptAt: sql`now()` }).where(eq(outboxEvents.eventId, eventId));
    await flaky.dispatch(broken);
    const letter = await dispatcherLetter(eventId);
    expect(letter).toMatchObject({ consumer: null, reason: 'max_attempts', attemptCount: 2 });
    expect(letter?.errorMessage).toMatch(/broker unavailable/);

    if (!letter) throw new Error('no letter');
    await replayDeadLetter(flaky.deps, letter.id, cli);
    expect(await flaky.dispatch()).toBe(1);
    expect((await outboxRow(eventId))?.publishedAt).not.toBeNull();
    expect(await flaky.receive()).toBe(1);
    expect(await flaky.effects(eventId)).toBe(1);

    // A second replay of a row that is now published changes nothing downstream.
    await replayDeadLetter(flaky.deps, letter.id, cli);
    expect(await flaky.dispatch()).toBe(0);
    expect(await flaky.receive()).toBe(0);
    expect(await flaky.effects(eventId)).toBe(1);
  });
});

describe('unknown payload versions', () => {
  it('are parked (unknown_version), not dropped, and are handled once after the new version is deployed', async () => {
    const flaky = flakyConsumer(0);
    // From the dispatcher's side: a newer build wrote a v2 row.
    const viaOutbox = await insertOutboxRow('member_joined', 2);
    await flaky.dispatch();
    expect(await dispatcherLetter(viaOutbox)).toMatchObject({ consumer: null, reason: 'unknown_version' });

    // From the consumer's side: a newer dispatcher published a v2 message.
    const body = envelope(2);
    await flaky.transport.publish('stores', [
      {
        eventId: body.eventId,
        eventType: 'member_joined',
        aggregateType: 'store',
        aggregateId: body.data.store_id,
        orderingKey: body.data.store_id,
        createdAt: new Date().toISOString(),
        body,
      },
    ]);
    expect(await flaky.receive()).toBe(1);
    const parked = await flaky.letter(body.eventId);
    expect(parked).toMatchObject({ reason: 'unknown_version', payload: body });
    expect(parked?.errorMessage).toMatch(/member_joined v2 is not known/);
    expect(flaky.state.calls).toBe(0);

    // "Deploy" a build that knows v2, then replay both.
    const versions = EVENT_CATALOG.member_joined.versions as Record<number, z.ZodType>;
    versions[2] = z.object({ store_id: z.uuid(), user_id: z.uuid(), member_name: z.string(), role: z.string() });
    try {
      const result = await replayDeadLetters(
        flaky.deps,
        { filter: { reason: 'unknown_version', eventType: 'member_joined' }, dryRun: false, limit: 10 },
        cli,
      );
      expect(result.items.map((item) => item.eventId).sort()).toEqual([viaOutbox, body.eventId].sort());
      expect(await flaky.dispatch()).toBe(1);
      expect(await flaky.receive()).toBe(2);
      expect(await flaky.effects(viaOutbox)).toBe(1);
      expect(await flaky.effects(body.eventId)).toBe(1);
    } finally {
      delete versions[2];
    }
  });
});

describe('bulk replay and dry run', () => {
  /** Direct inserts: the listing and the replay selection only care about the letters' columns. */
  async function seedLetters(consumer: string | null, count: number, reason: 'handler_failed' | 'non_retryable') {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const body = envelope(1);
      const [row] = await app.deps.db
        .insert(outboxDlq)
        .values({
          eventId: body.eventId,
          eventType: 'member_joined',
          aggregateType: 'store',
          aggregateId: body.data.store_id,
          consumer,
          payload: body,
          reason,
          errorMessage: `seeded ${i}`,
          attemptCount: 3,
        })
        .returning({ id: outboxDlq.id });
      if (row) ids.push(row.id);
    }
    return ids;
  }

  const snapshot = async () => ({
    dlq: await app.deps.db.select().from(outboxDlq).orderBy(asc(outboxDlq.id)),
    outbox: await app.deps.db.select().from(outboxEvents).orderBy(asc(outboxEvents.id)),
    deliveries: await app.deps.db.select().from(eventDeliveries).orderBy(asc(eventDeliveries.id)),
  });

  it('a dry run reports what it would replay and changes nothing', async () => {
    const consumer = `bulk-${randomUUID().slice(0, 8)}`;
    const ids = await seedLetters(consumer, 3, 'handler_failed');
    const before = await snapshot();
    const dry = await replayDeadLetters(app.deps, { filter: { consumer }, dryRun: true, limit: 2 }, cli);
    expect(dry).toMatchObject({ dryRun: true, count: 2, more: true });
    expect(dry.items.every((item) => ids.includes(item.id) && item.replayCount === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);

    const real = await replayDeadLetters(app.deps, { filter: { consumer }, dryRun: false, limit: 10 }, cli);
    expect(real).toMatchObject({ dryRun: false, count: 3, more: false });
    expect(real.items.map((item) => item.id).sort()).toEqual([...ids].sort());
    const deliveries = await app.deps.db
      .select()
      .from(eventDeliveries)
      .where(eq(eventDeliveries.subscription, consumer));
    expect(deliveries).toHaveLength(3); // recreated from the letters' payloads
    expect(deliveries.every((row) => row.ackedAt === null && row.attemptCount === 0)).toBe(true);

    // Replayed letters are not selected again unless asked for.
    expect((await replayDeadLetters(app.deps, { filter: { consumer }, dryRun: true, limit: 10 }, cli)).count).toBe(0);
    const again = { filter: { consumer, replayed: true }, dryRun: true, limit: 10 };
    expect((await replayDeadLetters(app.deps, again, cli)).count).toBe(3);
  });

  it('lists with filters and pages through every letter exactly once', async () => {
    const consumer = `page-${randomUUID().slice(0, 8)}`;
    const ids = await seedLetters(consumer, 7, 'handler_failed');
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listDeadLetters(app.deps, { consumer, limit: 3, cursor });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...ids].sort());

    const dispatcherOnly = await listDeadLetters(app.deps, { consumer: null, limit: 200 });
    expect(dispatcherOnly.items.length).toBeGreaterThan(0);
    expect(dispatcherOnly.items.every((item) => item.consumer === null)).toBe(true);
    const byReason = await listDeadLetters(app.deps, { reason: 'unknown_version', limit: 200 });
    expect(byReason.items.every((item) => item.reason === 'unknown_version')).toBe(true);
    expect((await listDeadLetters(app.deps, { consumer, eventType: 'order_paid' })).items).toHaveLength(0);
    await expect(listDeadLetters(app.deps, { cursor: 'bogus' })).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('admin procedures list, show and replay (one by id, or a filter as a dry run)', async () => {
    const { token } = await createAdmin(app, { email: uniqueEmail('dlq-admin'), ip: freshIp() });
    const admin = () => app.call({ token, idempotencyKey: randomUUID() }).caller.admin.dlq;
    const consumer = `admin-${randomUUID().slice(0, 8)}`;
    const [first, second] = await seedLetters(consumer, 2, 'handler_failed');
    if (!first || !second) throw new Error('seed failed');

    const page = await admin().list({ consumer });
    expect(page.items.map((item) => item.id).sort()).toEqual([first, second].sort());
    expect(await admin().get({ id: first })).toMatchObject({ id: first, consumer, payload: expect.any(Object) });
    expect((await failureOf(admin().get({ id: randomUUID() }))).code).toBe('NOT_FOUND');

    const dry = await admin().replay({ filter: { consumer }, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, count: 2 });
    const one = await admin().replay({ id: first });
    expect(one).toMatchObject({ dryRun: false, count: 1, items: [{ id: first, replayCount: 1 }] });
    expect(await getDeadLetter(app.deps, second)).toMatchObject({ replayCount: 0, replayedAt: null });
    expect((await admin().list({ consumer, replayed: false })).items.map((item) => item.id)).toEqual([second]);
    expect((await failureOf(admin().replay({ id: randomUUID() }))).code).toBe('NOT_FOUND');
  });
});

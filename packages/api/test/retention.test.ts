import { randomUUID } from 'node:crypto';
import { consumerReceipts, eventDeliveries, idempotencyKeys, notifications, outboxDlq, outboxEvents } from '@pf/db';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../src/cron';
import { RETENTION_BATCH_SIZE } from '../src/cron/jobs/batches';
import {
  deliveryRetentionJob,
  dlqRetentionJob,
  idempotencyRetentionJob,
  notificationRetentionJob,
  outboxRetentionJob,
} from '../src/cron/jobs/retention';
import type { AppDeps } from '../src/deps';
import { createTestApp, type TestApp } from '../src/testing';
import { capturingLogger, DAY_MS, daysAgo, fixedClock } from './cron-helpers';

const clock = fixedClock();
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({}, { clock });
});
afterAll(() => app.close());

const signal = () => new AbortController().signal;
const HOUR = 3_600_000;

async function outboxRow(values: Partial<typeof outboxEvents.$inferInsert> = {}) {
  const [row] = await app.deps.db
    .insert(outboxEvents)
    .values({
      eventId: randomUUID(),
      eventType: 'member_joined',
      eventVersion: 1,
      aggregateType: 'store',
      aggregateId: randomUUID(),
      payload: { version: 1, eventId: randomUUID(), occurredAt: clock.now().toISOString(), data: {} },
      createdAt: daysAgo(clock, 45),
      ...values,
    })
    .returning({ id: outboxEvents.id });
  if (!row) throw new Error('insert failed');
  return row.id;
}

const remaining = async (table: typeof outboxEvents | typeof notifications | typeof outboxDlq, ids: string[]) =>
  (await app.deps.db.select({ id: table.id }).from(table).where(inArray(table.id, ids))).map((r) => r.id).sort();

describe('outbox retention', () => {
  it('deletes every published row older than 30 days whatever its attempt count, and keeps the rest', async () => {
    const normal = await outboxRow({ publishedAt: daysAgo(clock, 31), attemptCount: 0 });
    const retried = await outboxRow({ publishedAt: daysAgo(clock, 31), attemptCount: 7 });
    const recent = await outboxRow({ publishedAt: daysAgo(clock, 29), attemptCount: 0 });
    const justInside = await outboxRow({ publishedAt: daysAgo(clock, 30, -HOUR) });
    const unpublished = await outboxRow({ createdAt: daysAgo(clock, 90) });
    const deadLettered = await outboxRow({ createdAt: daysAgo(clock, 90), deadLetteredAt: daysAgo(clock, 89) });

    const summary = await outboxRetentionJob.run(app.deps, signal());
    expect(summary).toMatchObject({ deleted: 2, complete: true });
    expect(await remaining(outboxEvents, [normal, retried, recent, justInside, unpublished, deadLettered])).toEqual(
      [recent, justInside, unpublished, deadLettered].sort(),
    );
  });

  it('deletes a backlog larger than one batch in several statements', async () => {
    const total = RETENTION_BATCH_SIZE + 150;
    await app.deps.db.execute(sql`
      insert into outbox_events (event_id, event_type, event_version, aggregate_type, aggregate_id, payload,
                                 published_at, created_at)
      select gen_random_uuid(), 'member_joined', 1, 'store', gen_random_uuid()::text, '{}'::jsonb,
             ${daysAgo(clock, 40).toISOString()}::timestamptz, ${daysAgo(clock, 40).toISOString()}::timestamptz
      from generate_series(1, ${total})`);
    const summary = await outboxRetentionJob.run(app.deps, signal());
    expect(summary).toMatchObject({ deleted: total, complete: true });
  });

  it('stops between batches on shutdown and reports the run incomplete', async () => {
    await outboxRow({ publishedAt: daysAgo(clock, 40) });
    const controller = new AbortController();
    controller.abort();
    expect(await outboxRetentionJob.run(app.deps, controller.signal)).toMatchObject({ deleted: 0, complete: false });
    expect(await outboxRetentionJob.run(app.deps, signal())).toMatchObject({ deleted: 1, complete: true });
  });

  it('honours OUTBOX_RETENTION_DAYS', async () => {
    const old = await outboxRow({ publishedAt: daysAgo(clock, 8) });
    const young = await outboxRow({ publishedAt: daysAgo(clock, 6) });
    const deps: AppDeps = { ...app.deps, config: { ...app.deps.config, OUTBOX_RETENTION_DAYS: 7 } };
    await outboxRetentionJob.run(deps, signal());
    expect(await remaining(outboxEvents, [old, young])).toEqual([young]);
  });
});

describe('notification retention', () => {
  it('deletes notifications older than 30 days, read or unread, and keeps newer ones', async () => {
    const rows = await app.deps.db
      .insert(notifications)
      .values(
        [
          { createdAt: daysAgo(clock, 31), readAt: null },
          { createdAt: daysAgo(clock, 31), readAt: daysAgo(clock, 30) },
          { createdAt: daysAgo(clock, 29), readAt: null },
        ].map((values) => ({
          storeId: null,
          audience: 'admins' as const,
          type: 'compliance' as const,
          title: 'License submitted for review',
          message: 'A store submitted a license.',
          ...values,
        })),
      )
      .returning({ id: notifications.id });
    const ids = rows.map((row) => row.id);
    expect(await notificationRetentionJob.run(app.deps, signal())).toMatchObject({ deleted: 2 });
    expect(await remaining(notifications, ids)).toEqual([ids[2]]);
  });
});

describe('DLQ retention', () => {
  const letter = (values: Partial<typeof outboxDlq.$inferInsert>) => ({
    eventId: randomUUID(),
    eventType: 'member_joined',
    aggregateType: 'store',
    aggregateId: randomUUID(),
    consumer: 'notifications',
    payload: {},
    reason: 'handler_failed' as const,
    errorMessage: 'failed',
    ...values,
  });

  it('deletes entries replayed over 30 days ago; keeps un-replayed ones however old and counts them', async () => {
    const rows = await app.deps.db
      .insert(outboxDlq)
      .values([
        letter({ createdAt: daysAgo(clock, 60), replayedAt: daysAgo(clock, 31), replayCount: 1 }),
        letter({ createdAt: daysAgo(clock, 60), replayedAt: daysAgo(clock, 2), replayCount: 1 }),
        letter({ createdAt: daysAgo(clock, 90), consumer: null, reason: 'max_attempts' }),
        letter({ createdAt: daysAgo(clock, 1) }),
      ])
      .returning({ id: outboxDlq.id });
    const ids = rows.map((row) => row.id);
    const { logger, lines } = capturingLogger();

    const summary = await dlqRetentionJob.run({ ...app.deps, logger }, signal());
    expect(summary).toMatchObject({ deleted: 1, unreplayedKept: 2, unreplayedOlderThanWindow: 1 });
    expect(await remaining(outboxDlq, ids)).toEqual(ids.slice(1).sort());
    const warning = lines.find((line) => line.level === 40);
    expect(warning).toMatchObject({ unreplayed: 2, olderThanWindow: 1 });
  });
});

describe('delivery and receipt retention', () => {
  it('deletes acked deliveries and receipts older than 30 days; keeps unacked and recent ones', async () => {
    const delivery = (values: Partial<typeof eventDeliveries.$inferInsert>) => ({
      subscription: 'notifications',
      eventId: randomUUID(),
      eventType: 'member_joined',
      orderingKey: randomUUID(),
      attributes: {},
      body: {},
      createdAt: daysAgo(clock, 40),
      ...values,
    });
    const deliveries = await app.deps.db
      .insert(eventDeliveries)
      .values([
        delivery({ ackedAt: daysAgo(clock, 31) }),
        delivery({ ackedAt: daysAgo(clock, 1) }),
        delivery({ ackedAt: null, visibleAt: daysAgo(clock, 40) }),
      ])
      .returning({ id: eventDeliveries.id });
    const receipts = [daysAgo(clock, 31), daysAgo(clock, 1)].map((processedAt) => ({
      consumer: 'notifications',
      eventId: randomUUID(),
      processedAt,
    }));
    await app.deps.db.insert(consumerReceipts).values(receipts);

    expect(await deliveryRetentionJob.run(app.deps, signal())).toEqual({
      deliveriesDeleted: 1,
      receiptsDeleted: 1,
      complete: true,
    });
    const left = await app.deps.db
      .select({ id: eventDeliveries.id })
      .from(eventDeliveries)
      .where(
        inArray(
          eventDeliveries.id,
          deliveries.map((d) => d.id),
        ),
      );
    expect(left.map((d) => d.id).sort()).toEqual(
      deliveries
        .slice(1)
        .map((d) => d.id)
        .sort(),
    );
    const receiptsLeft = await app.deps.db
      .select({ eventId: consumerReceipts.eventId })
      .from(consumerReceipts)
      .where(
        inArray(
          consumerReceipts.eventId,
          receipts.map((r) => r.eventId),
        ),
      );
    expect(receiptsLeft).toEqual([{ eventId: receipts[1]?.eventId }]);
  });
});

describe('idempotency key retention (formerly a loop, now a cron job)', () => {
  it('deletes expired keys by the injected clock and keeps live ones', async () => {
    const key = (name: string, expiresAt: Date) => ({
      scope: 'test',
      key: name,
      requestHash: 'h',
      response: { ok: true, data: null },
      expiresAt,
    });
    await app.deps.db
      .insert(idempotencyKeys)
      .values([
        key('expired', new Date(clock.now().getTime() - 1000)),
        key('live', new Date(clock.now().getTime() + HOUR)),
      ]);
    expect(await idempotencyRetentionJob.run(app.deps, signal())).toMatchObject({ deleted: 1 });

    clock.advance(2 * HOUR);
    expect(await idempotencyRetentionJob.run(app.deps, signal())).toMatchObject({ deleted: 1 });
    const left = await app.deps.db
      .select()
      .from(idempotencyKeys)
      .where(inArray(idempotencyKeys.key, ['expired', 'live']));
    expect(left).toEqual([]);
  });
});

describe('retention through the scheduler', () => {
  it('runs on the first tick, then again only when the daily slot comes round', async () => {
    const jobs = [outboxRetentionJob];
    await outboxRow({ publishedAt: daysAgo(clock, 31) });
    const [first] = await runDueJobs(app.deps, jobs, signal());
    expect(first).toMatchObject({ outcome: 'succeeded', summary: { deleted: 1 } });

    await outboxRow({ publishedAt: daysAgo(clock, 31) });
    expect((await runDueJobs(app.deps, jobs, signal()))[0]?.outcome).toBe('not_due');
    clock.advance(DAY_MS);
    const [next] = await runDueJobs(app.deps, jobs, signal());
    expect(next).toMatchObject({ outcome: 'succeeded', summary: { deleted: 1 } });
  });
});

import { randomUUID } from 'node:crypto';
import { createEmbeddedTransport } from '@pf/adapters';
import { consumerReceipts, eventDeliveries } from '@pf/db';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../src/deps';
import { bindingFor, type Consumer } from '../src/events/consumer';
import { createBatchProcessor } from '../src/events/consumer-batch';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import type { TestApp } from '../src/testing';
import { deadLetterOf } from './event-helpers';

export { emitJoined } from './event-helpers';

/** Test consumers for the batch receive path (test/consumer-batch.test.ts); effects go to `batch_effects`. */
export const BATCH_EFFECTS_TABLE = sql`create table batch_effects (consumer text not null, event_id uuid not null)`;

const rowsOf = async <T>(app: TestApp, query: SQL) => (await app.deps.db.execute(query)) as unknown as T[];

/**
 * A consumer on its own subscription that fails on the event ids in `poisoned` and otherwise writes one effect
 * row per event; with `batchHandler`, also a `handleBatch` that writes them with one INSERT (`batchCalls`).
 */
export function batchConsumer(app: TestApp, { batchHandler = false } = {}) {
  const poisoned = new Set<string>();
  const calls: string[] = [];
  const batchCalls: string[][] = [];
  const consumer: Consumer = {
    name: `batch-${randomUUID().slice(0, 8)}`,
    handles: ['member_joined'],
    async handle(tx, event) {
      calls.push(event.envelope.eventId);
      if (poisoned.has(event.envelope.eventId)) throw new Error(`poisoned ${event.envelope.eventId}`);
      await tx.execute(
        sql`insert into batch_effects (consumer, event_id) values (${consumer.name}, ${event.envelope.eventId})`,
      );
    },
  };
  if (batchHandler) {
    consumer.handleBatch = async (tx, events) => {
      const ids = events.map((event) => event.envelope.eventId);
      batchCalls.push(ids);
      const bad = ids.find((id) => poisoned.has(id));
      if (bad) throw new Error(`poisoned ${bad}`);
      await tx.execute(sql`insert into batch_effects (consumer, event_id)
        select ${consumer.name}, unnest(${`{${ids.join(',')}}`}::uuid[])`);
    };
  }
  /** One consumer instance: its own transport object and processor, as a separate worker process would have. */
  const instance = () => {
    const transport = createEmbeddedTransport(app.deps.db, [bindingFor(consumer)]);
    const deps: AppDeps = { ...app.deps, transport };
    const process = createBatchProcessor(deps, consumer);
    return { transport, deps, receive: (max = 50) => transport.receiveBatch?.(consumer.name, max, process) };
  };
  const main = instance();
  const where = (eventId: string) =>
    and(eq(eventDeliveries.subscription, consumer.name), eq(eventDeliveries.eventId, eventId));
  return {
    consumer,
    poisoned,
    calls,
    batchCalls,
    instance,
    receive: main.receive,
    dispatch: () => dispatchOutboxBatch(main.deps),
    /** Effect rows per event id (only ids that have any). */
    effects: async () =>
      new Map(
        (
          await rowsOf<{ event_id: string; n: number }>(
            app,
            sql`select event_id, count(*)::int as n from batch_effects where consumer = ${consumer.name} group by event_id`,
          )
        ).map((row) => [row.event_id, row.n]),
      ),
    receipts: async () =>
      (
        await app.deps.db
          .select({ eventId: consumerReceipts.eventId })
          .from(consumerReceipts)
          .where(eq(consumerReceipts.consumer, consumer.name))
      ).map((row) => row.eventId),
    delivery: async (eventId: string) => (await app.deps.db.select().from(eventDeliveries).where(where(eventId)))[0],
    advance: (eventId: string) =>
      app.deps.db.update(eventDeliveries).set({ visibleAt: sql`now()` }).where(where(eventId)),
    /** As if the ack never arrived (a lost commit acknowledgement, a broker redelivery): every delivery is due again. */
    redeliverAll: () =>
      app.deps.db
        .update(eventDeliveries)
        .set({ ackedAt: null, visibleAt: sql`now()` })
        .where(eq(eventDeliveries.subscription, consumer.name)),
    letter: (eventId: string) => deadLetterOf(app, consumer.name, eventId),
  };
}

export const once = (ids: readonly string[]) => new Map(ids.map((id) => [id, 1]));

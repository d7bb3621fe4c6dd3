import { type Database, eventDeliveries, type Transaction } from '@pf/db';
import type { DeliveryOutcome, EventTransport, ReceivedMessage, TransportMessage } from '@pf/domain';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';

export interface SubscriptionBinding {
  subscription: string;
  topics: readonly string[];
  /** Only these event types are delivered to the subscription (a Pub/Sub attribute filter in the cloud). */
  eventTypes: readonly string[];
}

export const DELIVERY_CHANNEL = 'pf_deliveries';

type DeliveryRow = typeof eventDeliveries.$inferSelect;

/** Delivery ids as one array parameter rather than one per id (integers: the literal needs no quoting). */
const idIn = (ids: readonly number[]) => sql`${eventDeliveries.id} = any(${`{${ids.join(',')}}`}::bigint[])`;

/**
 * Ready deliveries of a subscription in (visible_at, id) order, locked for this transaction; rows other
 * consumers hold are skipped. Only ids are locked and sorted, the rows are read after: FOR UPDATE rules out a
 * bounded top-N sort, and when the planner lacks fresh statistics it sorts every pending row, which with
 * bodies spilled to disk (20 ms per claim at 10,000 pending).
 */
async function claim(tx: Transaction, subscription: string, max: number): Promise<DeliveryRow[]> {
  const locked = await tx
    .select({ id: eventDeliveries.id })
    .from(eventDeliveries)
    .where(
      and(
        eq(eventDeliveries.subscription, subscription),
        isNull(eventDeliveries.ackedAt),
        lte(eventDeliveries.visibleAt, sql`now()`),
      ),
    )
    .orderBy(asc(eventDeliveries.visibleAt), asc(eventDeliveries.id))
    .limit(max)
    .for('update', { skipLocked: true });
  if (locked.length === 0) return [];
  return tx
    .select()
    .from(eventDeliveries)
    .where(idIn(locked.map((row) => row.id)))
    .orderBy(asc(eventDeliveries.visibleAt), asc(eventDeliveries.id));
}

const toReceived = (row: DeliveryRow): ReceivedMessage => ({
  eventId: row.eventId,
  eventType: row.eventType,
  aggregateType: row.attributes.aggregate_type ?? '',
  aggregateId: row.attributes.aggregate_id ?? '',
  orderingKey: row.orderingKey,
  createdAt: row.attributes.created_at ?? '',
  body: row.body,
  attempt: row.attemptCount + 1,
});

/** Applies outcomes in the claiming transaction: retries become visible after their delay, the rest are acked at once. */
async function settle(tx: Transaction, claimed: DeliveryRow[], outcomes: DeliveryOutcome[]) {
  const acked: number[] = [];
  for (const [index, row] of claimed.entries()) {
    const outcome = outcomes[index];
    if (outcome?.kind !== 'retry') {
      acked.push(row.id);
      continue;
    }
    await tx
      .update(eventDeliveries)
      .set({
        attemptCount: row.attemptCount + 1,
        lastError: outcome.error.slice(0, 2000),
        visibleAt: sql`now() + ${`${Math.max(0, Math.round(outcome.delayMs))} milliseconds`}::interval`,
      })
      .where(eq(eventDeliveries.id, row.id));
  }
  if (acked.length > 0) {
    await tx
      .update(eventDeliveries)
      .set({ ackedAt: sql`now()`, attemptCount: sql`${eventDeliveries.attemptCount} + 1` })
      .where(idIn(acked));
  }
}

/**
 * Postgres-backed transport for the embedded mode and tests: deliveries are rows claimed with
 * FOR UPDATE SKIP LOCKED, so any number of consumer instances share a subscription without doubling work.
 * A message is processed inside the claiming transaction: a crash rolls back the claim and the handler's
 * writes together, and the message is simply delivered again. `receiveBatch` hands the whole claim to the
 * consumer at once, so it can write all receipts in one statement and acks go out in one UPDATE.
 */
export function createEmbeddedTransport(db: Database, bindings: readonly SubscriptionBinding[]): EventTransport {
  const subscriptionsFor = (topic: string, eventType: string) =>
    bindings.filter((b) => b.topics.includes(topic) && b.eventTypes.includes(eventType)).map((b) => b.subscription);

  return {
    async publish(topic: string, messages: TransportMessage[], tx?: unknown) {
      const rows = messages.flatMap((message) =>
        subscriptionsFor(topic, message.eventType).map((subscription) => ({
          subscription,
          event_id: message.eventId,
          event_type: message.eventType,
          ordering_key: message.orderingKey,
          attributes: {
            event_id: message.eventId,
            event_type: message.eventType,
            aggregate_type: message.aggregateType,
            aggregate_id: message.aggregateId,
            created_at: message.createdAt,
          },
          body: message.body,
        })),
      );
      if (rows.length === 0) return;
      const target = (tx as Transaction | undefined) ?? db;
      // The whole batch as ONE jsonb parameter: a multi-row VALUES list costs a bound parameter per column
      // per row, which took twice as long to build and send for a batch of 500 (see docs/events.md).
      await target.execute(sql`
        insert into event_deliveries (subscription, event_id, event_type, ordering_key, attributes, body)
        select subscription, event_id, event_type, ordering_key, attributes, body
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as batch(subscription text, event_id uuid, event_type text, ordering_key text, attributes jsonb, body jsonb)
        on conflict do nothing`);
      await target.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
    },

    async receive(subscription, max, process) {
      return db.transaction(async (tx) => {
        const claimed = await claim(tx, subscription, max);
        const outcomes: DeliveryOutcome[] = [];
        for (const row of claimed) outcomes.push(await process(toReceived(row), tx));
        await settle(tx, claimed, outcomes);
        return claimed.length;
      });
    },

    async receiveBatch(subscription, max, process) {
      return db.transaction(async (tx) => {
        const claimed = await claim(tx, subscription, max);
        if (claimed.length === 0) return 0;
        const outcomes = await process(claimed.map(toReceived), tx);
        if (outcomes.length !== claimed.length) {
          throw new Error(`batch processor returned ${outcomes.length} outcomes for ${claimed.length} messages`);
        }
        await settle(tx, claimed, outcomes);
        return claimed.length;
      });
    },

    async close() {},
  };
}

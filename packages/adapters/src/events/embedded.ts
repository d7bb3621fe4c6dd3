import { type Database, eventDeliveries, type Transaction } from '@pf/db';
import type { DeliveryOutcome, EventTransport, ReceivedMessage, TransportMessage } from '@pf/domain';
import { and, asc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';

export interface SubscriptionBinding {
  subscription: string;
  topics: readonly string[];
  /** Only these event types are delivered to the subscription (a Pub/Sub attribute filter in the cloud). */
  eventTypes: readonly string[];
}

export const DELIVERY_CHANNEL = 'pf_deliveries';

/**
 * Postgres-backed transport for the embedded mode and tests: deliveries are rows claimed with
 * FOR UPDATE SKIP LOCKED, so any number of consumer instances share a subscription without doubling work.
 * A message is processed inside the claiming transaction: a crash rolls back the claim and the handler's
 * writes together, and the message is simply delivered again.
 */
export function createEmbeddedTransport(db: Database, bindings: readonly SubscriptionBinding[]): EventTransport {
  const subscriptionsFor = (topic: string, eventType: string) =>
    bindings.filter((b) => b.topics.includes(topic) && b.eventTypes.includes(eventType)).map((b) => b.subscription);

  return {
    async publish(topic: string, messages: TransportMessage[], tx?: unknown) {
      const rows = messages.flatMap((message) =>
        subscriptionsFor(topic, message.eventType).map((subscription) => ({
          subscription,
          eventId: message.eventId,
          eventType: message.eventType,
          orderingKey: message.orderingKey,
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
      await target.insert(eventDeliveries).values(rows).onConflictDoNothing();
      await target.execute(sql`select pg_notify(${DELIVERY_CHANNEL}, '')`);
    },

    async receive(subscription, max, process) {
      return db.transaction(async (tx) => {
        const claimed = await tx
          .select()
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
        if (claimed.length === 0) return 0;
        const acked: number[] = [];
        for (const row of claimed) {
          const attributes = row.attributes;
          const message: ReceivedMessage = {
            eventId: row.eventId,
            eventType: row.eventType,
            aggregateType: attributes.aggregate_type ?? '',
            aggregateId: attributes.aggregate_id ?? '',
            orderingKey: row.orderingKey,
            createdAt: attributes.created_at ?? '',
            body: row.body,
            attempt: row.attemptCount + 1,
          };
          const outcome: DeliveryOutcome = await process(message, tx);
          if (outcome.kind === 'retry') {
            await tx
              .update(eventDeliveries)
              .set({
                attemptCount: row.attemptCount + 1,
                lastError: outcome.error.slice(0, 2000),
                visibleAt: sql`now() + ${`${Math.max(0, Math.round(outcome.delayMs))} milliseconds`}::interval`,
              })
              .where(eq(eventDeliveries.id, row.id));
          } else {
            acked.push(row.id);
          }
        }
        if (acked.length > 0) {
          await tx
            .update(eventDeliveries)
            .set({ ackedAt: sql`now()`, attemptCount: sql`${eventDeliveries.attemptCount} + 1` })
            .where(inArray(eventDeliveries.id, acked));
        }
        return claimed.length;
      });
    },

    async close() {},
  };
}

import { randomUUID } from 'node:crypto';
import { outboxEvents, type Transaction } from '@pf/db';
import { CURRENT_VERSION, EVENT_CATALOG, type EventData, type EventType, payloadSchema } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';

export const OUTBOX_CHANNEL = 'pf_outbox';

/** Transactions (or savepoints: each is its own object) that already queued the NOTIFY. */
const notified = new WeakSet<Transaction>();

export interface EmitInput<T extends EventType> {
  type: T;
  aggregateId: string;
  data: EventData<T>;
  actor?: { userId?: string; storeId?: string; role?: string };
  /** From the caller's injected clock (deps.clock), never the wall clock: required so none can forget it. */
  occurredAt: Date;
}

export class OutboxEmitError extends Error {
  override name = 'OutboxEmitError';
}

/**
 * Writes one event to the outbox inside the caller's transaction, so it exists exactly when the state
 * change it announces commits. Unknown types do not compile; a payload that fails its schema throws and
 * rolls the business transaction back rather than writing a row no consumer could read.
 */
export async function emit<T extends EventType>(
  tx: Transaction,
  event: EmitInput<T>,
): Promise<{ eventId: string; emitted: boolean }> {
  if (!(tx instanceof PgTransaction)) throw new OutboxEmitError('emit() needs an open transaction');
  const definition = EVENT_CATALOG[event.type];
  if (!definition) throw new OutboxEmitError(`unregistered event type: ${String(event.type)}`);
  const version = CURRENT_VERSION[event.type];
  const parsed = payloadSchema(event.type, version)?.safeParse(event.data);
  if (!parsed?.success) {
    throw new OutboxEmitError(`invalid ${event.type} v${version} payload: ${parsed?.error.message ?? 'no schema'}`);
  }
  const eventId = randomUUID();
  const envelope = {
    version,
    eventId,
    occurredAt: event.occurredAt.toISOString(),
    ...(event.actor ? { actor: event.actor } : {}),
    data: parsed.data as Record<string, unknown>,
  };
  const emitOnce = 'emitOnce' in definition && definition.emitOnce;
  const inserted = await tx
    .insert(outboxEvents)
    .values({
      eventId,
      eventType: event.type,
      eventVersion: version,
      aggregateType: definition.aggregateType,
      aggregateId: event.aggregateId,
      payload: envelope,
      dedupeKey: emitOnce ? `${event.type}:${definition.aggregateType}:${event.aggregateId}` : null,
    })
    .onConflictDoNothing()
    .returning({ eventId: outboxEvents.eventId });
  // Delivered by Postgres only if the transaction commits: wakes the dispatcher without polling. Once per
  // transaction is enough (Postgres folds identical notifications anyway) and saves a round trip per event.
  if (!notified.has(tx)) {
    await tx.execute(sql`select pg_notify(${OUTBOX_CHANNEL}, '')`);
    notified.add(tx);
  }
  return { eventId: inserted[0]?.eventId ?? eventId, emitted: inserted.length > 0 };
}

import { consumerReceipts, type Transaction } from '@pf/db';
import type { BatchProcessor, DeliveryOutcome, ReceivedMessage } from '@pf/domain';
import type { AppDeps } from '../deps';
import { type ConsumedEvent, type Consumer, createDeliveryProcessor, decodeDelivery, lagSeconds } from './consumer';

interface Decoded {
  index: number;
  message: ReceivedMessage;
  event: ConsumedEvent;
}

/**
 * The batch form of `createDeliveryProcessor`, for transports with `receiveBatch`. The whole batch runs in
 * ONE savepoint: one multi-row receipt insert (ON CONFLICT DO NOTHING: an event that already has a receipt
 * is a redelivery and is not handled again), then the handler for each new event in claim order (or the
 * consumer's `handleBatch` once for all of them). Receipts
 * and effects commit with the transport's transaction, so a redelivered batch has no second effect.
 *
 * If anything in the batch fails, the savepoint is rolled back (no receipt or effect of the batch survives)
 * and every message is processed again on its own, with its own savepoint: the healthy ones commit, and only
 * the failing one retries with backoff and eventually lands in the DLQ, exactly as on the single path.
 * Handlers therefore may run twice in one transaction for a batch that fell back; their database writes
 * commit once, and effects outside the database were at-least-once anyway.
 */
export function createBatchProcessor(deps: AppDeps, consumer: Consumer): BatchProcessor {
  const single = createDeliveryProcessor(deps, consumer);
  const labels = { consumer: consumer.name };

  const handleTogether = async (tx: Transaction, batch: Decoded[]) => {
    const inserted = await tx
      .insert(consumerReceipts)
      .values(batch.map(({ message }) => ({ consumer: consumer.name, eventId: message.eventId })))
      .onConflictDoNothing()
      .returning({ eventId: consumerReceipts.eventId });
    // Deleting on first use: an event id twice in one batch (never from the embedded transport) runs once.
    const freshIds = new Set(inserted.map((row) => row.eventId));
    const fresh = batch.filter(({ message }) => freshIds.delete(message.eventId)).map(({ event }) => event);
    if (consumer.handleBatch) {
      if (fresh.length > 0) await consumer.handleBatch(tx, fresh, deps);
    } else {
      for (const event of fresh) await consumer.handle(tx, event, deps);
    }
    return fresh.length;
  };

  return async (messages, transportTx) => {
    const outer = transportTx as Transaction | undefined;
    const outcomes: DeliveryOutcome[] = new Array(messages.length);
    const batch: Decoded[] = [];
    for (const [index, message] of messages.entries()) {
      const decoded = decodeDelivery(consumer, message);
      if (decoded.kind === 'event') batch.push({ index, message, event: decoded.event });
      // Ignored types and messages to park are rare: the single path acks or dead-letters them as usual.
      else outcomes[index] = await single(message, outer);
    }
    // A batch of one gains nothing, and a retried message often comes alone: the single path runs it once
    // instead of once in a failing batch and again on its own. Without the transport's transaction there is
    // nothing to batch in (the embedded transport always passes one).
    if (batch.length <= 1 || !outer) {
      for (const { index, message } of batch) outcomes[index] = await single(message, outer);
      return outcomes;
    }

    try {
      const handled = await outer.transaction((sp) => handleTogether(sp, batch));
      deps.metrics.consumerEvents.inc({ ...labels, outcome: 'handled' }, handled);
      if (batch.length > handled)
        deps.metrics.consumerEvents.inc({ ...labels, outcome: 'duplicate' }, batch.length - handled);
      for (const { index, message } of batch) {
        deps.metrics.consumerLagSeconds.observe(labels, lagSeconds(message));
        outcomes[index] = { kind: 'ack' };
      }
    } catch (error) {
      deps.logger.info(
        { consumer: consumer.name, size: batch.length, err: error },
        'batch failed: processing its messages one by one',
      );
      for (const { index, message } of batch) outcomes[index] = await single(message, outer);
    }
    return outcomes;
  };
}

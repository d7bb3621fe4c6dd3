import { consumerReceipts, type Transaction } from '@pf/db';
import {
  type DeliveryOutcome,
  type Envelope,
  EVENT_CATALOG,
  type EventType,
  envelopeSchema,
  isEventType,
  payloadSchema,
  type ReceivedMessage,
} from '@pf/domain';
import type { AppDeps } from '../deps';
import { recordDeadLetter } from './dead-letters';
import { backoffMs } from './notifier';

export interface ConsumedEvent {
  type: EventType;
  version: number;
  envelope: Envelope;
  data: Record<string, unknown>;
}

/** A consumer: its writes and its receipt commit in one transaction, so redelivery has no second effect. */
export interface Consumer {
  name: string;
  handles: readonly EventType[];
  handle(tx: Transaction, event: ConsumedEvent, deps: AppDeps): Promise<void>;
  /**
   * Optional: the effect of several events at once, in claim order (the embedded transport's batch path),
   * e.g. one multi-row INSERT where `handle` makes one per event: a statement per event is the largest cost
   * left on that path (docs/events.md). Must equal calling `handle` on each; `handle` still serves single
   * deliveries and a batch that falls back to one by one.
   */
  handleBatch?(tx: Transaction, events: readonly ConsumedEvent[], deps: AppDeps): Promise<void>;
}

/** The subscription a consumer reads: every topic its event types are published to, filtered to those types. */
export const bindingFor = (consumer: Consumer) => ({
  subscription: consumer.name,
  topics: [...new Set(consumer.handles.flatMap((type) => EVENT_CATALOG[type].topics))],
  eventTypes: consumer.handles,
});

export type ParkReason = 'unknown_version' | 'non_retryable' | 'handler_failed';

/**
 * What a delivery means to a consumer: an event to handle, a type it does not handle (ack and ignore), or a
 * message it can never handle (parked in the DLQ, never dropped).
 */
export type DecodedDelivery =
  | { kind: 'event'; event: ConsumedEvent }
  | { kind: 'ignore' }
  | { kind: 'park'; reason: ParkReason; error: string };

export function decodeDelivery(consumer: Consumer, message: ReceivedMessage): DecodedDelivery {
  const envelope = envelopeSchema.safeParse(message.body);
  if (!envelope.success) {
    return { kind: 'park', reason: 'non_retryable', error: `undecodable envelope: ${envelope.error.message}` };
  }
  if (!isEventType(message.eventType) || !consumer.handles.includes(message.eventType)) return { kind: 'ignore' };
  const schema = payloadSchema(message.eventType, envelope.data.version);
  if (!schema) {
    const error = `${message.eventType} v${envelope.data.version} is not known to this build`;
    return { kind: 'park', reason: 'unknown_version', error };
  }
  const data = schema.safeParse(envelope.data.data);
  if (!data.success)
    return { kind: 'park', reason: 'non_retryable', error: `payload does not match: ${data.error.message}` };
  const event: ConsumedEvent = {
    type: message.eventType,
    version: envelope.data.version,
    envelope: envelope.data,
    data: data.data as Record<string, unknown>,
  };
  return { kind: 'event', event };
}

/** Seconds from the outbox commit to now: how far behind the consumer is. */
export const lagSeconds = (message: ReceivedMessage) =>
  Math.max(0, (Date.now() - Date.parse(message.createdAt)) / 1000);

/**
 * Turns one delivery into an outcome: decode, check the version is known (unknown versions are parked in
 * the DLQ, never dropped), run the handler with its receipt in one transaction, retry with backoff, and
 * dead-letter after the configured number of attempts.
 */
export function createDeliveryProcessor(deps: AppDeps, consumer: Consumer) {
  const { consumerMaxAttempts, consumerRetryBaseMs, backoffCapMs } = deps.eventing;
  return async (message: ReceivedMessage, transportTx?: unknown): Promise<DeliveryOutcome> => {
    const outer = transportTx as Transaction | undefined;
    const park = async (reason: ParkReason, error: string) => {
      const letter = {
        eventId: message.eventId,
        eventType: message.eventType,
        aggregateType: message.aggregateType,
        aggregateId: message.aggregateId,
        consumer: consumer.name,
        payload: message.body,
        reason,
        errorMessage: error,
        attemptCount: message.attempt,
      };
      await (outer ? recordDeadLetter(outer, letter) : deps.db.transaction((tx) => recordDeadLetter(tx, letter)));
      deps.metrics.consumerEvents.inc({ consumer: consumer.name, outcome: reason });
      return { kind: 'dead_letter' as const, reason, error };
    };

    const decoded = decodeDelivery(consumer, message);
    if (decoded.kind === 'ignore') return { kind: 'ack' };
    if (decoded.kind === 'park') return park(decoded.reason, decoded.error);
    const { event } = decoded;
    const run = async (tx: Transaction) => {
      const receipt = await tx
        .insert(consumerReceipts)
        .values({ consumer: consumer.name, eventId: message.eventId })
        .onConflictDoNothing()
        .returning({ eventId: consumerReceipts.eventId });
      if (receipt.length === 0) return 'duplicate' as const;
      await consumer.handle(tx, event, deps);
      return 'handled' as const;
    };
    try {
      // Inside the transport's transaction this is a savepoint: a failure undoes only this event.
      const result = await (outer ? outer.transaction(run) : deps.db.transaction(run));
      deps.metrics.consumerEvents.inc({ consumer: consumer.name, outcome: result });
      deps.metrics.consumerLagSeconds.observe({ consumer: consumer.name }, lagSeconds(message));
      return { kind: 'ack' };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      deps.logger.warn(
        { consumer: consumer.name, eventId: message.eventId, attempt: message.attempt, err: error },
        'handler failed',
      );
      if (message.attempt >= consumerMaxAttempts) return park('handler_failed', text);
      deps.metrics.consumerEvents.inc({ consumer: consumer.name, outcome: 'retry' });
      return { kind: 'retry', delayMs: backoffMs(message.attempt, consumerRetryBaseMs, backoffCapMs), error: text };
    }
  };
}

import type { DeliveryOutcome, EventTransport, ReceivedMessage, TransportMessage } from '@pf/domain';
import { type PubSubRoute, pubsubSubscriptionName, pubsubTopicName } from './pubsub-routes';

export interface OutgoingPubSubMessage {
  data: Buffer;
  attributes: Record<string, string>;
  orderingKey?: string;
}

export interface PulledPubSubMessage {
  ackId: string;
  data?: Uint8Array | string | null;
  attributes?: Record<string, string> | null;
  orderingKey?: string | null;
  messageId?: string | null;
  /** Set by Pub/Sub only when the subscription has a dead-letter policy; 0/absent otherwise. */
  deliveryAttempt?: number | null;
}

/**
 * The slice of Google Pub/Sub the transport uses. Production wraps `@google-cloud/pubsub`
 * (`createGooglePubSubClient`); tests hand in a fake, so no test needs the network. Names are short
 * resource names (`packfinderz-orders`, `packfinderz-notifications-orders`); the client adds the project.
 */
export interface PubSubClient {
  /** Publishes on a topic whose publisher has message ordering enabled; resolves to the message id. */
  publish(topic: string, message: OutgoingPubSubMessage): Promise<string>;
  /** After a failed ordered publish the client pauses that ordering key until this is called. */
  resumePublishing(topic: string, orderingKey: string): void;
  /** Synchronous pull: up to `maxMessages` leased messages (possibly none). */
  pull(subscription: string, maxMessages: number): Promise<PulledPubSubMessage[]>;
  acknowledge(subscription: string, ackIds: string[]): Promise<void>;
  /** 0 = redeliver now; n = redeliver once the lease runs out in n seconds (nack with a delay). */
  modifyAckDeadline(subscription: string, ackIds: string[], ackDeadlineSeconds: number): Promise<void>;
  close(): Promise<void>;
}

/** pino-compatible: the adapters package does not depend on a logger. */
export interface TransportLogger {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface PubSubTransportOptions {
  client: PubSubClient;
  topicPrefix: string;
  subscriptionPrefix: string;
  /** Which subscriptions each consumer reads (`planPubSubRoutes`). */
  routes: readonly PubSubRoute[];
  /** Redelivery delay when `process` itself throws, e.g. the database is down (default 10 s). */
  errorRetryDelayMs?: number;
  logger?: TransportLogger;
}

export class PubSubPublishError extends Error {
  override name = 'PubSubPublishError';
}

/** Pub/Sub accepts ack deadlines of 0–600 s. */
export const ackDeadlineSeconds = (delayMs: number) => Math.min(600, Math.max(0, Math.ceil(delayMs / 1000)));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const toPubSubMessage = (message: TransportMessage): OutgoingPubSubMessage => ({
  data: Buffer.from(JSON.stringify(message.body)),
  attributes: {
    event_id: message.eventId,
    event_type: message.eventType,
    aggregate_type: message.aggregateType,
    aggregate_id: message.aggregateId,
    created_at: message.createdAt,
  },
  ...(message.orderingKey ? { orderingKey: message.orderingKey } : {}),
});

/**
 * Maps a pulled message back to what the consumer framework expects. A body that is not a JSON object is
 * passed on as `{ undecodable, error }`: the framework's envelope check then dead-letters it into
 * outbox_dlq with the raw text kept for inspection. Only a message without a usable event id (the DLQ
 * key) is refused here: the caller acks and logs it (DOMAIN §6.6).
 */
export function fromPubSubMessage(pulled: PulledPubSubMessage): ReceivedMessage | null {
  const attributes = pulled.attributes ?? {};
  const text = typeof pulled.data === 'string' ? pulled.data : Buffer.from(pulled.data ?? []).toString('utf8');
  let body: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    body = isObject(parsed) ? parsed : { undecodable: text.slice(0, 10_000), error: 'body is not a JSON object' };
  } catch (error) {
    body = { undecodable: text.slice(0, 10_000), error: `invalid JSON: ${(error as Error).message}` };
  }
  const eventId = attributes.event_id ?? (typeof body.eventId === 'string' ? body.eventId : '');
  if (!UUID.test(eventId)) return null;
  return {
    eventId,
    eventType: attributes.event_type ?? '',
    aggregateType: attributes.aggregate_type ?? '',
    aggregateId: attributes.aggregate_id ?? '',
    orderingKey: pulled.orderingKey || attributes.aggregate_id || '',
    createdAt: attributes.created_at ?? '',
    body,
    attempt: pulled.deliveryAttempt && pulled.deliveryAttempt > 0 ? pulled.deliveryAttempt : 1,
  };
}

/**
 * Google Pub/Sub transport. Publishing uses one ordered publisher per topic (ordering key = aggregate id).
 * Receiving uses synchronous pull; each message is processed without a transport transaction (the
 * framework opens its own), then acked on `ack` and `dead_letter` (the framework already wrote the DLQ
 * row), or, on `retry`, left leased for the backoff (`modifyAckDeadline`) so Pub/Sub redelivers it then.
 * Later messages of a retried ordering key in the same batch are held back with it, keeping their order.
 */
export function createPubSubTransport(options: PubSubTransportOptions): EventTransport {
  const { client, topicPrefix, subscriptionPrefix, logger } = options;
  const errorRetryDelayMs = options.errorRetryDelayMs ?? 10_000;
  const subscriptionsOf = new Map<string, string[]>();
  for (const route of options.routes) {
    const names = subscriptionsOf.get(route.consumer) ?? [];
    subscriptionsOf.set(route.consumer, [...names, pubsubSubscriptionName(subscriptionPrefix, route)]);
  }

  type Process = Parameters<EventTransport['receive']>[2];
  const processBatch = async (subscription: string, pulled: PulledPubSubMessage[], process: Process) => {
    const acks: string[] = [];
    const delayed = new Map<number, string[]>();
    const heldKeys = new Map<string, number>();
    const delay = (ackId: string, seconds: number) => delayed.set(seconds, [...(delayed.get(seconds) ?? []), ackId]);
    for (const item of pulled) {
      const message = fromPubSubMessage(item);
      if (!message) {
        logger?.error({ subscription, messageId: item.messageId }, 'message without a usable event_id dropped');
        acks.push(item.ackId);
        continue;
      }
      const held = message.orderingKey ? heldKeys.get(message.orderingKey) : undefined;
      if (held !== undefined) {
        delay(item.ackId, held);
        continue;
      }
      let outcome: DeliveryOutcome;
      try {
        outcome = await process(message);
      } catch (error) {
        logger?.warn({ subscription, eventId: message.eventId, err: error }, 'processing failed; redelivering');
        outcome = { kind: 'retry', delayMs: errorRetryDelayMs, error: String(error) };
      }
      if (outcome.kind === 'retry') {
        const seconds = ackDeadlineSeconds(outcome.delayMs);
        delay(item.ackId, seconds);
        if (message.orderingKey) heldKeys.set(message.orderingKey, seconds);
      } else {
        acks.push(item.ackId);
      }
    }
    await Promise.all([
      acks.length > 0 ? client.acknowledge(subscription, acks) : undefined,
      ...[...delayed].map(([seconds, ackIds]) => client.modifyAckDeadline(subscription, ackIds, seconds)),
    ]);
  };

  return {
    /** `tx` is ignored: Pub/Sub cannot join a database transaction (the dispatcher marks rows after). */
    async publish(topic, messages) {
      const name = pubsubTopicName(topicPrefix, topic);
      const results = await Promise.allSettled(
        messages.map((message) => client.publish(name, toPubSubMessage(message))),
      );
      const failedKeys = new Set<string>();
      let firstError: unknown;
      for (const [index, result] of results.entries()) {
        if (result.status === 'fulfilled') continue;
        firstError ??= result.reason;
        const key = messages[index]?.orderingKey;
        if (key) failedKeys.add(key);
      }
      if (firstError === undefined) return;
      // The client pauses a key after a failed ordered publish; unpause so the dispatcher's retry can go out.
      for (const key of failedKeys) client.resumePublishing(name, key);
      const reason = firstError instanceof Error ? firstError.message : String(firstError);
      throw new PubSubPublishError(`publish to ${name} failed: ${reason}`, { cause: firstError });
    },

    async receive(consumer, max, process) {
      const subscriptions = subscriptionsOf.get(consumer);
      if (!subscriptions) throw new Error(`no Pub/Sub subscription is configured for consumer ${consumer}`);
      // Pull every subscription of the consumer at once: an empty one long-polls without delaying the others.
      const perSubscription = Math.max(1, Math.ceil(max / subscriptions.length));
      const pulls = await Promise.allSettled(subscriptions.map((name) => client.pull(name, perSubscription)));
      let handled = 0;
      const errors: unknown[] = [];
      for (const [index, pull] of pulls.entries()) {
        const subscription = subscriptions[index] ?? '';
        if (pull.status === 'rejected') {
          errors.push(pull.reason);
          logger?.warn({ subscription, err: pull.reason }, 'pull failed');
          continue;
        }
        await processBatch(subscription, pull.value, process);
        handled += pull.value.length;
      }
      if (errors.length === subscriptions.length) throw errors[0];
      return handled;
    },

    async close() {
      await client.close();
    },
  };
}

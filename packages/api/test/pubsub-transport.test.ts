import { randomUUID } from 'node:crypto';
import type { OutgoingPubSubMessage, PubSubClient, PulledPubSubMessage } from '@pf/adapters';
import { notifications, outboxDlq, outboxEvents } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { notificationsConsumer } from '../src/consumers/notifications';
import type { AppDeps } from '../src/deps';
import { type Consumer, createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { emit } from '../src/events/emit';
import { createPubSubTransportFromConfig, pubsubResources } from '../src/events/pubsub';
import { createLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';

const PREFIXES = { PUBSUB_TOPIC_PREFIX: 'pf-', PUBSUB_SUBSCRIPTION_PREFIX: 'pfs-', PUBSUB_PROJECT_ID: 'test-project' };

/** Always fails: stands in for a handler whose dependency is down. */
const flakyConsumer: Consumer = {
  name: 'flaky',
  handles: ['order_canceled'],
  async handle() {
    throw new Error('dependency down');
  },
};
const CONSUMERS = [notificationsConsumer, flakyConsumer];

/**
 * An in-memory Pub/Sub: a message published on a topic lands in every subscription of that topic whose
 * filter (the route's event types) admits it — what the real service does with the planned subscriptions.
 */
function fakePubSub() {
  const { subscriptions } = pubsubResources(CONSUMERS, {
    topic: PREFIXES.PUBSUB_TOPIC_PREFIX,
    subscription: PREFIXES.PUBSUB_SUBSCRIPTION_PREFIX,
  });
  const queues = new Map<string, PulledPubSubMessage[]>(subscriptions.map((s) => [s.name, []]));
  const published: { topic: string; message: OutgoingPubSubMessage }[] = [];
  const acked: string[] = [];
  const deadlines: { ackIds: string[]; seconds: number }[] = [];
  let sequence = 0;
  const client: PubSubClient = {
    async publish(topic, message) {
      published.push({ topic, message });
      for (const subscription of subscriptions) {
        if (subscription.topic !== topic || !subscription.eventTypes.includes(message.attributes.event_type ?? '')) {
          continue;
        }
        queues.get(subscription.name)?.push({
          ackId: `${subscription.name}#${++sequence}`,
          messageId: String(sequence),
          data: message.data,
          attributes: message.attributes,
          orderingKey: message.orderingKey,
          deliveryAttempt: 1,
        });
      }
      return String(sequence);
    },
    resumePublishing() {},
    pull: async (subscription, max) => queues.get(subscription)?.splice(0, max) ?? [],
    acknowledge: async (_subscription, ackIds) => void acked.push(...ackIds),
    modifyAckDeadline: async (_subscription, ackIds, seconds) => void deadlines.push({ ackIds, seconds }),
    close: async () => {},
  };
  return { client, queues, published, acked, deadlines };
}

let app: TestApp;
let deps: AppDeps;
let broker: ReturnType<typeof fakePubSub>;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  broker = fakePubSub();
  deps = {
    ...app.deps,
    transport: await createPubSubTransportFromConfig(PREFIXES, CONSUMERS, createLogger('silent'), broker.client),
  };
});
afterAll(() => app.close());

describe('Pub/Sub transport with the real dispatcher and consumer framework', () => {
  it('publishes an outbox event on its topic and the consumer turns it into a notification', async () => {
    const owner = await registerOwner(app);
    const { eventId } = await deps.db.transaction((tx) =>
      emit(tx, {
        type: 'member_joined',
        aggregateId: owner.storeId,
        data: { store_id: owner.storeId, user_id: randomUUID(), member_name: 'Casey', role: 'staff' },
        occurredAt: new Date(),
      }),
    );
    await dispatchOutboxBatch(deps);
    const [row] = await deps.db.select().from(outboxEvents).where(eq(outboxEvents.eventId, eventId));
    expect(row?.publishedAt).toBeInstanceOf(Date);
    const sent = broker.published.find((entry) => entry.message.attributes.event_id === eventId);
    expect(sent?.topic).toBe('pf-stores');
    expect(sent?.message.orderingKey).toBe(owner.storeId);
    expect(sent?.message.attributes).toMatchObject({
      event_type: 'member_joined',
      aggregate_type: 'store',
      aggregate_id: owner.storeId,
      created_at: row?.createdAt.toISOString(),
    });

    const handled = await deps.transport.receive(
      'notifications',
      50,
      createDeliveryProcessor(deps, notificationsConsumer),
    );
    expect(handled).toBeGreaterThanOrEqual(1);
    const rows = await deps.db.select().from(notifications).where(eq(notifications.storeId, owner.storeId));
    expect(rows.map((notification) => notification.title)).toContain('New team member');
    expect(broker.acked.some((ackId) => ackId.startsWith('pfs-notifications-stores#'))).toBe(true);
  });

  it('dead-letters a malformed message into outbox_dlq and acks it', async () => {
    const eventId = randomUUID();
    broker.queues.get('pfs-notifications-stores')?.push({
      ackId: 'malformed#1',
      data: Buffer.from('{"version": 1, "eventId": '),
      attributes: { event_id: eventId, event_type: 'member_joined', aggregate_type: 'store', aggregate_id: 'x' },
      deliveryAttempt: 1,
    });
    await deps.transport.receive('notifications', 50, createDeliveryProcessor(deps, notificationsConsumer));
    const [letter] = await deps.db.select().from(outboxDlq).where(eq(outboxDlq.eventId, eventId));
    expect(letter).toMatchObject({ consumer: 'notifications', reason: 'non_retryable', eventType: 'member_joined' });
    expect(letter?.payload).toMatchObject({ undecodable: '{"version": 1, "eventId": ' });
    expect(broker.acked).toContain('malformed#1');
  });

  it('nacks a failing handler with the framework backoff, then dead-letters at the last attempt', async () => {
    const ids = { order_id: randomUUID(), checkout_group_id: randomUUID(), buyer_store_id: randomUUID() };
    const data = { ...ids, vendor_store_id: randomUUID(), canceled_at: new Date().toISOString() };
    const { eventId } = await deps.db.transaction((tx) =>
      emit(tx, { type: 'order_canceled', aggregateId: ids.order_id, data, occurredAt: new Date() }),
    );
    await dispatchOutboxBatch(deps);
    const process = createDeliveryProcessor(deps, flakyConsumer);
    const [delivery] = broker.queues.get('pfs-flaky-orders') ?? [];
    expect(delivery).toBeDefined();
    await deps.transport.receive('flaky', 10, process);
    expect(broker.deadlines.at(-1)).toEqual({ ackIds: [delivery?.ackId], seconds: expect.any(Number) });
    // CONSUMER_RETRY_BASE_MS (1 s) plus up to 250 ms of jitter, rounded up to whole seconds.
    expect([1, 2]).toContain(broker.deadlines.at(-1)?.seconds);

    // Pub/Sub redelivers with its delivery counter at the framework's last attempt.
    broker.queues.get('pfs-flaky-orders')?.push({
      ...(delivery as PulledPubSubMessage),
      ackId: 'again',
      deliveryAttempt: deps.eventing.consumerMaxAttempts,
    });
    await deps.transport.receive('flaky', 10, process);
    expect(broker.acked).toContain('again');
    const [letter] = await deps.db.select().from(outboxDlq).where(eq(outboxDlq.eventId, eventId));
    expect(letter).toMatchObject({ consumer: 'flaky', reason: 'handler_failed', errorMessage: 'dependency down' });
  });
});

describe('Pub/Sub configuration', () => {
  it('requires PUBSUB_PROJECT_ID when EVENT_TRANSPORT=pubsub, naming the key', () => {
    expect(() => loadConfig({ EVENT_TRANSPORT: 'pubsub' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVENT_TRANSPORT: 'pubsub' })).toThrow(
      /PUBSUB_PROJECT_ID: is required when EVENT_TRANSPORT=pubsub/,
    );
    expect(() => loadConfig({ EVENT_TRANSPORT: 'pubsub', PUBSUB_TOPIC_PREFIX: '1bad' })).toThrow(/PUBSUB_TOPIC_PREFIX/);
    const config = loadConfig({ EVENT_TRANSPORT: 'pubsub', PUBSUB_PROJECT_ID: 'p' });
    expect([config.PUBSUB_TOPIC_PREFIX, config.PUBSUB_SUBSCRIPTION_PREFIX]).toEqual(['packfinderz-', 'packfinderz-']);
    expect(loadConfig({}).PUBSUB_PROJECT_ID).toBeUndefined();
  });

  it('the runtime picks the Pub/Sub adapter when EVENT_TRANSPORT=pubsub', async () => {
    const config = loadConfig({
      APP_ENV: 'test',
      DATABASE_URL: app.database.url,
      AUTH_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
      EVENT_TRANSPORT: 'pubsub',
      PUBSUB_PROJECT_ID: 'offline-project',
    });
    const runtime = await createRuntime(config, { dbHandle: { ...app.database, close: async () => {} } });
    try {
      // Only the Pub/Sub adapter knows subscriptions by consumer; this answers without touching the network.
      await expect(
        runtime.deps.transport.receive('no-such-consumer', 1, async () => ({ kind: 'ack' })),
      ).rejects.toThrow(/no Pub\/Sub subscription is configured/);
    } finally {
      await runtime.close();
    }
  });
});

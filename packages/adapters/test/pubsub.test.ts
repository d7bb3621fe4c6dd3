import type { DeliveryOutcome, ReceivedMessage, TransportMessage } from '@pf/domain';
import { describe, expect, it, vi } from 'vitest';
import {
  ackDeadlineSeconds,
  createPubSubTransport,
  type OutgoingPubSubMessage,
  type PubSubClient,
  PubSubPublishError,
  type PulledPubSubMessage,
  planPubSubRoutes,
  pubsubFilter,
  pubsubSubscriptionName,
} from '../src';

const EVENT_ID = '5b0c3a52-4c1e-4b7a-9b1f-2f6f0f1d7a10';
const AGGREGATE = '9d4b5a1e-8c2f-4f3a-b6d7-1a2b3c4d5e6f';

/** Records every call; `inbox` is what the next pull of each subscription returns. */
function fakeClient(options: { failPublishFor?: (message: OutgoingPubSubMessage) => boolean } = {}) {
  const calls = {
    published: [] as { topic: string; message: OutgoingPubSubMessage }[],
    resumed: [] as { topic: string; orderingKey: string }[],
    pulled: [] as { subscription: string; max: number }[],
    acked: [] as { subscription: string; ackIds: string[] }[],
    deadlines: [] as { subscription: string; ackIds: string[]; seconds: number }[],
    closed: 0,
  };
  const inbox = new Map<string, PulledPubSubMessage[] | Error>();
  const client: PubSubClient = {
    async publish(topic, message) {
      calls.published.push({ topic, message });
      if (options.failPublishFor?.(message)) throw new Error('UNAVAILABLE: broker down');
      return String(calls.published.length);
    },
    resumePublishing: (topic, orderingKey) => void calls.resumed.push({ topic, orderingKey }),
    async pull(subscription, max) {
      calls.pulled.push({ subscription, max });
      const next = inbox.get(subscription) ?? [];
      inbox.delete(subscription);
      if (next instanceof Error) throw next;
      return next.slice(0, max);
    },
    acknowledge: async (subscription, ackIds) => void calls.acked.push({ subscription, ackIds }),
    modifyAckDeadline: async (subscription, ackIds, seconds) =>
      void calls.deadlines.push({ subscription, ackIds, seconds }),
    close: async () => void calls.closed++,
  };
  return { client, calls, inbox };
}

const transportWith = (client: PubSubClient, logger = { warn: vi.fn(), error: vi.fn() }) =>
  createPubSubTransport({
    client,
    topicPrefix: 'packfinderz-',
    subscriptionPrefix: 'pf-',
    routes: [
      { consumer: 'notifications', topic: 'orders', eventTypes: ['order_decided'] },
      { consumer: 'notifications', topic: 'stores', eventTypes: ['member_joined'] },
      { consumer: 'analytics', topic: 'analytics', eventTypes: ['cash_collected'] },
    ],
    errorRetryDelayMs: 7_000,
    logger,
  });

const envelope = { version: 1, eventId: EVENT_ID, occurredAt: '2026-01-01T00:00:00.000Z', data: { a: 1 } };
const outgoing = (overrides: Partial<TransportMessage> = {}): TransportMessage => ({
  eventId: EVENT_ID,
  eventType: 'order_decided',
  aggregateType: 'vendor_order',
  aggregateId: AGGREGATE,
  orderingKey: AGGREGATE,
  createdAt: '2026-01-01T00:00:00.123Z',
  body: envelope,
  ...overrides,
});
const pulled = (ackId: string, overrides: Partial<PulledPubSubMessage> = {}): PulledPubSubMessage => ({
  ackId,
  messageId: `m-${ackId}`,
  data: Buffer.from(JSON.stringify(envelope)),
  attributes: {
    event_id: EVENT_ID,
    event_type: 'order_decided',
    aggregate_type: 'vendor_order',
    aggregate_id: AGGREGATE,
    created_at: '2026-01-01T00:00:00.123Z',
  },
  orderingKey: AGGREGATE,
  ...overrides,
});

describe('Pub/Sub transport: publish', () => {
  it('publishes the envelope as JSON data with the DOMAIN §6.2 attributes, ordered by aggregate id', async () => {
    const { client, calls } = fakeClient();
    await transportWith(client).publish('orders', [outgoing()]);
    expect(calls.published).toHaveLength(1);
    const [{ topic, message }] = calls.published as [{ topic: string; message: OutgoingPubSubMessage }];
    expect(topic).toBe('packfinderz-orders');
    expect(JSON.parse(message.data.toString('utf8'))).toEqual(envelope);
    expect(message.attributes).toEqual({
      event_id: EVENT_ID,
      event_type: 'order_decided',
      aggregate_type: 'vendor_order',
      aggregate_id: AGGREGATE,
      created_at: '2026-01-01T00:00:00.123Z',
    });
    expect(message.orderingKey).toBe(AGGREGATE);
  });

  it('resumes the failed ordering keys and rethrows, so the dispatcher retries the batch', async () => {
    const { client, calls } = fakeClient({ failPublishFor: (message) => message.orderingKey === 'key-b' });
    const transport = transportWith(client);
    const attempt = transport.publish('billing', [
      outgoing({ orderingKey: 'key-a' }),
      outgoing({ orderingKey: 'key-b' }),
      outgoing({ orderingKey: 'key-b' }),
    ]);
    await expect(attempt).rejects.toBeInstanceOf(PubSubPublishError);
    await expect(attempt).rejects.toThrow(/packfinderz-billing.*broker down/);
    expect(calls.published).toHaveLength(3);
    expect(calls.resumed).toEqual([{ topic: 'packfinderz-billing', orderingKey: 'key-b' }]);
  });

  it('publishes nothing and succeeds for an empty batch', async () => {
    const { client, calls } = fakeClient();
    await transportWith(client).publish('orders', []);
    expect(calls.published).toHaveLength(0);
  });
});

describe('Pub/Sub transport: receive', () => {
  const receiveWith = async (
    messages: PulledPubSubMessage[],
    decide: (message: ReceivedMessage) => DeliveryOutcome | Promise<DeliveryOutcome>,
  ) => {
    const logger = { warn: vi.fn(), error: vi.fn() };
    const fake = fakeClient();
    fake.inbox.set('pf-notifications-orders', messages);
    const seen: { message: ReceivedMessage; tx: unknown }[] = [];
    const handled = await transportWith(fake.client, logger).receive('notifications', 20, async (message, tx) => {
      seen.push({ message, tx });
      return decide(message);
    });
    return { ...fake, ...fake.calls, seen, handled, logger };
  };

  it('maps a pulled message back to the transport message, without a transaction', async () => {
    const { seen, handled } = await receiveWith([pulled('a1')], () => ({ kind: 'ack' }));
    expect(handled).toBe(1);
    expect(seen).toEqual([
      {
        tx: undefined,
        message: {
          eventId: EVENT_ID,
          eventType: 'order_decided',
          aggregateType: 'vendor_order',
          aggregateId: AGGREGATE,
          orderingKey: AGGREGATE,
          createdAt: '2026-01-01T00:00:00.123Z',
          body: envelope,
          attempt: 1,
        },
      },
    ]);
  });

  it('takes the attempt from deliveryAttempt, 1 when Pub/Sub does not count (no dead-letter policy)', async () => {
    const { seen } = await receiveWith(
      [
        pulled('a', { deliveryAttempt: 4, orderingKey: 'k1' }),
        pulled('b', { deliveryAttempt: 0, orderingKey: 'k2' }),
        pulled('c', { deliveryAttempt: null, orderingKey: 'k3' }),
      ],
      () => ({ kind: 'ack' }),
    );
    expect(seen.map(({ message }) => message.attempt)).toEqual([4, 1, 1]);
  });

  it('acks on ack and dead_letter, and nacks a retry with a delay by extending the lease', async () => {
    const outcomes: Record<string, DeliveryOutcome> = {
      k1: { kind: 'ack' },
      k2: { kind: 'dead_letter', reason: 'non_retryable', error: 'bad payload' },
      k3: { kind: 'retry', delayMs: 1_500, error: 'db busy' },
      k4: { kind: 'retry', delayMs: 0, error: 'try again now' },
      k5: { kind: 'retry', delayMs: 3_600_000, error: 'far future' },
      k6: { kind: 'retry', delayMs: 1_200, error: 'db busy' },
    };
    const messages = Object.keys(outcomes).map((key) => pulled(`ack-${key}`, { orderingKey: key }));
    const { acked, deadlines } = await receiveWith(messages, (message) => outcomes[message.orderingKey] as never);
    expect(acked).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['ack-k1', 'ack-k2'] }]);
    expect(deadlines).toEqual([
      { subscription: 'pf-notifications-orders', ackIds: ['ack-k3', 'ack-k6'], seconds: 2 },
      { subscription: 'pf-notifications-orders', ackIds: ['ack-k4'], seconds: 0 },
      { subscription: 'pf-notifications-orders', ackIds: ['ack-k5'], seconds: 600 },
    ]);
  });

  it('holds back later messages of a retried ordering key so they are redelivered in order', async () => {
    const { seen, acked, deadlines } = await receiveWith(
      [pulled('first', { orderingKey: 'k' }), pulled('other', { orderingKey: 'j' }), pulled('second')],
      (message) =>
        message.orderingKey === 'k' ? { kind: 'retry', delayMs: 4_000, error: 'not yet' } : { kind: 'ack' },
    );
    expect(seen.map(({ message }) => message.orderingKey)).toEqual(['k', 'j', AGGREGATE]);
    const { seen: seen2, deadlines: deadlines2 } = await receiveWith(
      [pulled('first'), pulled('second'), pulled('third')],
      (message) => (message.attempt === 1 ? { kind: 'retry', delayMs: 4_000, error: 'not yet' } : { kind: 'ack' }),
    );
    expect(seen2).toHaveLength(1);
    expect(deadlines2).toEqual([
      { subscription: 'pf-notifications-orders', ackIds: ['first', 'second', 'third'], seconds: 4 },
    ]);
    expect(acked).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['other', 'second'] }]);
    expect(deadlines).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['first'], seconds: 4 }]);
  });

  it('hands a malformed body to the framework (which dead-letters it) with the raw text kept', async () => {
    const { seen, acked } = await receiveWith(
      [pulled('bad', { data: Buffer.from('{"version":1,') }), pulled('arr', { data: '[1,2]', orderingKey: 'k2' })],
      // What createDeliveryProcessor does with an undecodable envelope: DLQ row, then dead_letter.
      () => ({ kind: 'dead_letter', reason: 'non_retryable', error: 'undecodable envelope' }),
    );
    expect(seen.map(({ message }) => message.body)).toEqual([
      { undecodable: '{"version":1,', error: expect.stringMatching(/^invalid JSON/) },
      { undecodable: '[1,2]', error: 'body is not a JSON object' },
    ]);
    expect(seen[0]?.message.eventId).toBe(EVENT_ID);
    expect(acked).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['bad', 'arr'] }]);
  });

  it('acks and logs a message with no usable event id: it cannot be keyed in the DLQ (DOMAIN §6.6)', async () => {
    const { seen, acked, logger } = await receiveWith(
      [pulled('anon', { attributes: { event_type: 'order_decided' }, data: 'garbage' })],
      () => ({ kind: 'ack' }),
    );
    expect(seen).toHaveLength(0);
    expect(acked).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['anon'] }]);
    expect(logger.error).toHaveBeenCalledWith(
      expect.objectContaining({ messageId: 'm-anon' }),
      expect.stringMatching(/event_id/),
    );
  });

  it('falls back to the envelope eventId when the attribute is missing', async () => {
    const attributes = { event_type: 'order_decided', aggregate_id: AGGREGATE };
    const { seen } = await receiveWith([pulled('x', { attributes })], () => ({ kind: 'ack' }));
    expect(seen[0]?.message.eventId).toBe(EVENT_ID);
  });

  it('redelivers after errorRetryDelayMs when processing itself throws', async () => {
    const { acked, deadlines, logger } = await receiveWith([pulled('boom')], () => {
      throw new Error('connection refused');
    });
    expect(acked).toEqual([]);
    expect(deadlines).toEqual([{ subscription: 'pf-notifications-orders', ackIds: ['boom'], seconds: 7 }]);
    expect(logger.warn).toHaveBeenCalled();
  });

  it('pulls every subscription of the consumer, splitting the batch between them', async () => {
    const { client, calls, inbox } = fakeClient();
    inbox.set('pf-notifications-orders', [pulled('o1', { orderingKey: 'a' })]);
    inbox.set('pf-notifications-stores', [pulled('s1', { orderingKey: 'b' }), pulled('s2', { orderingKey: 'c' })]);
    const handled = await transportWith(client).receive('notifications', 5, async () => ({ kind: 'ack' }));
    expect(handled).toBe(3);
    expect(calls.pulled).toEqual([
      { subscription: 'pf-notifications-orders', max: 3 },
      { subscription: 'pf-notifications-stores', max: 3 },
    ]);
    expect(calls.acked).toEqual([
      { subscription: 'pf-notifications-orders', ackIds: ['o1'] },
      { subscription: 'pf-notifications-stores', ackIds: ['s1', 's2'] },
    ]);
  });

  it('processes what one subscription returned when another pull fails; throws when all fail', async () => {
    const { client, calls, inbox } = fakeClient();
    inbox.set('pf-notifications-orders', new Error('UNAVAILABLE'));
    inbox.set('pf-notifications-stores', [pulled('s1')]);
    const transport = transportWith(client);
    expect(await transport.receive('notifications', 10, async () => ({ kind: 'ack' }))).toBe(1);
    expect(calls.acked).toEqual([{ subscription: 'pf-notifications-stores', ackIds: ['s1'] }]);
    inbox.set('pf-analytics-analytics', new Error('PERMISSION_DENIED'));
    await expect(transport.receive('analytics', 10, async () => ({ kind: 'ack' }))).rejects.toThrow(
      'PERMISSION_DENIED',
    );
  });

  it('refuses a consumer with no subscription and closes the client', async () => {
    const { client, calls } = fakeClient();
    const transport = transportWith(client);
    await expect(transport.receive('nobody', 10, async () => ({ kind: 'ack' }))).rejects.toThrow(/nobody/);
    await transport.close();
    expect(calls.closed).toBe(1);
  });

  it('clamps ack deadlines to what Pub/Sub accepts', () => {
    expect([-5, 0, 1, 999, 1_000, 1_001, 600_000, 10_000_000].map(ackDeadlineSeconds)).toEqual([
      0, 0, 1, 1, 1, 2, 600, 600,
    ]);
  });
});

describe('Pub/Sub subscription plan', () => {
  const TOPICS: Record<string, string[]> = {
    order_decided: ['orders'],
    order_canceled: ['orders'],
    cash_collected: ['orders', 'analytics'],
    checkout_converted: ['notifications', 'analytics'],
    license_expired: ['notifications'],
    order_paid: ['billing', 'analytics'],
    member_joined: ['stores'],
  };
  const topicsOf = (type: string) => TOPICS[type] ?? [];

  it('gives a consumer one subscription per topic and takes a multi-topic event from one topic only', () => {
    const routes = planPubSubRoutes(
      'notifications',
      ['order_decided', 'cash_collected', 'checkout_converted', 'license_expired', 'order_paid', 'member_joined'],
      topicsOf,
    );
    expect(routes).toEqual([
      { consumer: 'notifications', topic: 'notifications', eventTypes: ['checkout_converted', 'license_expired'] },
      { consumer: 'notifications', topic: 'orders', eventTypes: ['order_decided', 'cash_collected'] },
      { consumer: 'notifications', topic: 'billing', eventTypes: ['order_paid'] },
      { consumer: 'notifications', topic: 'stores', eventTypes: ['member_joined'] },
    ]);
    const analytics = planPubSubRoutes('analytics', ['cash_collected', 'checkout_converted', 'order_paid'], topicsOf);
    expect(analytics).toEqual([
      { consumer: 'analytics', topic: 'analytics', eventTypes: ['cash_collected', 'checkout_converted', 'order_paid'] },
    ]);
    expect(pubsubSubscriptionName('packfinderz-', analytics[0] as never)).toBe('packfinderz-analytics-analytics');
    expect(() => planPubSubRoutes('x', ['unrouted'], topicsOf)).toThrow(/no topic/);
  });

  it('filters on event_type with the shorter form that fits in 256 bytes, or not at all', () => {
    const route = { consumer: 'c', topic: 'orders', eventTypes: ['order_decided'] };
    expect(pubsubFilter(route, ['order_decided', 'order_canceled', 'cash_collected', 'order_paid'])).toBe(
      'attributes.event_type = "order_decided"',
    );
    expect(pubsubFilter({ ...route, eventTypes: ['a1', 'a2', 'a3'] }, ['a1', 'a2', 'a3', 'b1'])).toBe(
      'attributes.event_type != "b1"',
    );
    expect(pubsubFilter(route, ['order_decided'])).toBeUndefined();
    const many = Array.from({ length: 12 }, (_, i) => `some_long_event_type_${i}`);
    const wide = { ...route, eventTypes: many.slice(0, 6) };
    expect(pubsubFilter(wide, many)).toBeUndefined();
  });
});

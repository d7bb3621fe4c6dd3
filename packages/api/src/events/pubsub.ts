import {
  createPubSubTransport,
  type PubSubClient,
  type PubSubRoute,
  planPubSubRoutes,
  pubsubFilter,
  pubsubSubscriptionName,
  pubsubTopicName,
  type TransportLogger,
} from '@pf/adapters';
import { EVENT_CATALOG, EVENT_TYPES, type EventTransport, type EventType, TOPICS } from '@pf/domain';
import type { Config } from '../config';
import type { Consumer } from './consumer';

/** Which topic each consumer takes each of its event types from (one subscription per consumer and topic). */
export const pubsubRoutesFor = (consumers: readonly Consumer[]): PubSubRoute[] =>
  consumers.flatMap((consumer) =>
    planPubSubRoutes(consumer.name, consumer.handles, (type) => EVENT_CATALOG[type as EventType]?.topics ?? []),
  );

export interface PubSubResources {
  topics: string[];
  subscriptions: {
    name: string;
    topic: string;
    consumer: string;
    eventTypes: readonly string[];
    filter?: string;
    /** The topic also carries types this subscription does not take (so no filter means "too long"). */
    sharedTopic: boolean;
  }[];
}

/** Every topic and subscription the Pub/Sub transport expects to exist (README, `pnpm pubsub:plan`). */
export function pubsubResources(
  consumers: readonly Consumer[],
  prefixes: { topic: string; subscription: string },
): PubSubResources {
  const typesOn = (topic: string) => EVENT_TYPES.filter((type) => EVENT_CATALOG[type].topics.some((t) => t === topic));
  return {
    topics: TOPICS.map((topic) => pubsubTopicName(prefixes.topic, topic)),
    subscriptions: pubsubRoutesFor(consumers).map((route) => ({
      name: pubsubSubscriptionName(prefixes.subscription, route),
      topic: pubsubTopicName(prefixes.topic, route.topic),
      consumer: route.consumer,
      eventTypes: route.eventTypes,
      filter: pubsubFilter(route, typesOn(route.topic)),
      sharedTopic: typesOn(route.topic).some((type) => !route.eventTypes.includes(type)),
    })),
  };
}

/**
 * The Pub/Sub transport from config (the caller checked EVENT_TRANSPORT=pubsub; config requires the keys).
 * The Google client library is imported only here: loading it costs seconds at every process start.
 */
export async function createPubSubTransportFromConfig(
  config: Pick<Config, 'PUBSUB_PROJECT_ID' | 'PUBSUB_TOPIC_PREFIX' | 'PUBSUB_SUBSCRIPTION_PREFIX'>,
  consumers: readonly Consumer[],
  logger: TransportLogger,
  client?: PubSubClient,
): Promise<EventTransport> {
  const projectId = config.PUBSUB_PROJECT_ID;
  if (!projectId) throw new Error('PUBSUB_PROJECT_ID is required when EVENT_TRANSPORT=pubsub');
  const googleClient = async () => (await import('@pf/adapters/pubsub-google')).createGooglePubSubClient({ projectId });
  return createPubSubTransport({
    client: client ?? (await googleClient()),
    topicPrefix: config.PUBSUB_TOPIC_PREFIX,
    subscriptionPrefix: config.PUBSUB_SUBSCRIPTION_PREFIX,
    routes: pubsubRoutesFor(consumers),
    logger,
  });
}

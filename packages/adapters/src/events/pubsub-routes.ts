/**
 * Which Pub/Sub subscriptions a consumer reads. A Pub/Sub subscription belongs to exactly one topic, so a
 * consumer whose event types are published to several topics gets one subscription per topic, each
 * filtered (server side) to the types it takes from that topic. An event published to several topics
 * (e.g. `cash_collected` → orders + analytics) is taken from ONE of them only, so it is not delivered to
 * the consumer twice.
 */
export interface PubSubRoute {
  consumer: string;
  /** Topic key without prefix: orders, notifications, analytics, billing, stores. */
  topic: string;
  eventTypes: readonly string[];
}

/** Pub/Sub rejects subscription filters longer than 256 bytes. */
export const MAX_FILTER_BYTES = 256;

/**
 * Assigns each handled event type to one of the topics it is published on. A topic named like the consumer
 * (the analytics consumer and the analytics topic) takes every type it carries; the rest go greedily to
 * the topic covering most still-unassigned types (ties: the topic that is the types' primary route, i.e.
 * first in the catalog), so a consumer needs few subscriptions and reads events where they are routed.
 */
export function planPubSubRoutes(
  consumer: string,
  eventTypes: readonly string[],
  topicsOf: (eventType: string) => readonly string[],
): PubSubRoute[] {
  const remaining = new Set(eventTypes);
  const routes: PubSubRoute[] = [];
  const take = (topic: string, types: string[]) => {
    routes.push({ consumer, topic, eventTypes: types });
    for (const type of types) remaining.delete(type);
  };
  const own = [...remaining].filter((type) => topicsOf(type).includes(consumer));
  if (own.length > 0) take(consumer, own);
  while (remaining.size > 0) {
    const coverage = new Map<string, { types: string[]; primary: number }>();
    for (const type of remaining) {
      const topics = topicsOf(type);
      if (topics.length === 0) throw new Error(`${consumer} handles ${type}, which is published to no topic`);
      for (const [index, topic] of topics.entries()) {
        const entry = coverage.get(topic) ?? { types: [], primary: 0 };
        entry.types.push(type);
        if (index === 0) entry.primary++;
        coverage.set(topic, entry);
      }
    }
    let best: [string, { types: string[]; primary: number }] | undefined;
    for (const entry of coverage) {
      const [, { types, primary }] = entry;
      if (
        !best ||
        types.length > best[1].types.length ||
        (types.length === best[1].types.length && primary > best[1].primary)
      ) {
        best = entry;
      }
    }
    if (!best) break;
    take(best[0], best[1].types);
  }
  return routes;
}

export const pubsubTopicName = (prefix: string, topic: string) => `${prefix}${topic}`;

/** `<prefix><consumer>-<topic>`, e.g. `packfinderz-notifications-orders`. */
export const pubsubSubscriptionName = (prefix: string, route: Pick<PubSubRoute, 'consumer' | 'topic'>) =>
  `${prefix}${route.consumer}-${route.topic}`;

/**
 * The subscription's attribute filter: the shorter of "one of the route's types" and "none of the topic's
 * other types". Undefined (no filter) when the topic carries nothing else, or when both forms exceed
 * Pub/Sub's 256-byte limit: the consumer framework then acks the types it does not handle, and a type
 * that also arrives over another route is stopped by the consumer's receipt.
 */
export function pubsubFilter(route: PubSubRoute, typesOnTopic: readonly string[]): string | undefined {
  const others = typesOnTopic.filter((type) => !route.eventTypes.includes(type));
  if (others.length === 0) return undefined;
  const allow = route.eventTypes.map((type) => `attributes.event_type = "${type}"`).join(' OR ');
  const deny = others.map((type) => `attributes.event_type != "${type}"`).join(' AND ');
  const shorter = deny.length < allow.length ? deny : allow;
  return Buffer.byteLength(shorter) <= MAX_FILTER_BYTES ? shorter : undefined;
}

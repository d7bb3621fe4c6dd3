export { createEmbeddedTransport, DELIVERY_CHANNEL, type SubscriptionBinding } from './events/embedded';
export { createMemoryKeyValueStore } from './kv/memory';
export { createRedisKeyValueStore } from './kv/redis';

export { createMemoryKeyValueStore } from './kv/memory';
export { createRedisKeyValueStore } from './kv/redis';

import type { KeyValueStore } from '@pf/domain';
import { Redis } from 'ioredis';

// INCR and set the expiry only when this hit opened the window, atomically.
const INCREMENT_IN_WINDOW = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count`;

// GET and DEL as one step: between a separate GET and DEL the key could expire and be taken by someone else.
const DELETE_IF_VALUE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export function createRedisKeyValueStore(url: string, prefix = 'pf:'): KeyValueStore {
  const redis = new Redis(url, {
    keyPrefix: prefix,
    maxRetriesPerRequest: 2,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  return {
    get: (key) => redis.get(key),
    async set(key, value, options = {}) {
      const args: (string | number)[] = [];
      if (options.ttlMs) args.push('PX', Math.max(1, Math.ceil(options.ttlMs)));
      if (options.onlyIfAbsent) args.push('NX');
      const result = await (redis.set as (...a: unknown[]) => Promise<string | null>)(key, value, ...args);
      return result === 'OK';
    },
    delete: (...keys) => (keys.length === 0 ? Promise.resolve(0) : redis.del(...keys)),
    async deleteIfValue(key, value) {
      return Number(await redis.eval(DELETE_IF_VALUE, 1, key, value)) === 1;
    },
    async incrementInWindow(key, windowMs) {
      const count = await redis.eval(INCREMENT_IN_WINDOW, 1, key, String(Math.ceil(windowMs)));
      return Number(count);
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

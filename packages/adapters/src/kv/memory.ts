import type { Clock, KeyValueStore } from '@pf/domain';
import { systemClock } from '@pf/domain';

interface Entry {
  value: string;
  expiresAt: number | null;
}

/** In-process KV for the embedded mode: same semantics as the Redis adapter, lost on restart. */
export function createMemoryKeyValueStore(clock: Clock = systemClock): KeyValueStore {
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt !== null && entry.expiresAt <= clock.now().getTime()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const sweep = setInterval(() => {
    for (const key of entries.keys()) live(key);
  }, 60_000);
  sweep.unref();

  return {
    get: async (key) => live(key)?.value ?? null,
    async set(key, value, options = {}) {
      if (options.onlyIfAbsent && live(key)) return false;
      const expiresAt = options.ttlMs ? clock.now().getTime() + Math.max(1, Math.ceil(options.ttlMs)) : null;
      entries.set(key, { value, expiresAt });
      return true;
    },
    async delete(...keys) {
      let removed = 0;
      for (const key of keys) if (live(key) && entries.delete(key)) removed++;
      return removed;
    },
    async deleteIfValue(key, value) {
      if (live(key)?.value !== value) return false;
      return entries.delete(key);
    },
    async incrementInWindow(key, windowMs) {
      const entry = live(key);
      if (!entry) {
        entries.set(key, { value: '1', expiresAt: clock.now().getTime() + Math.ceil(windowMs) });
        return 1;
      }
      entry.value = String(Number(entry.value) + 1);
      return Number(entry.value);
    },
    async ping() {},
    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  };
}

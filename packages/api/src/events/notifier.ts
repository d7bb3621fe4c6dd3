import { setTimeout as sleep } from 'node:timers/promises';
import type { DbHandle } from '@pf/db';

/**
 * Lets loops sleep until either their poll interval passes or Postgres signals new work (NOTIFY sent by a
 * committed transaction). Polling stays as the safety net, so a lost notification only costs latency.
 */
export function createNotifier(handle: Pick<DbHandle, 'listen'>) {
  const waiters = new Map<string, Set<() => void>>();
  const listening = new Map<string, Promise<unknown>>();

  const ensureListening = (channel: string) => {
    if (!listening.has(channel)) {
      listening.set(
        channel,
        handle
          .listen(channel, () => {
            for (const wake of waiters.get(channel) ?? []) wake();
          })
          .catch(() => listening.delete(channel)),
      );
    }
  };

  return {
    async wait(channel: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
      ensureListening(channel);
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      const wake = () => controller.abort();
      const set = waiters.get(channel) ?? new Set();
      set.add(wake);
      waiters.set(channel, set);
      try {
        await sleep(timeoutMs, undefined, { signal: controller.signal }).catch(() => undefined);
      } finally {
        set.delete(wake);
        signal.removeEventListener('abort', onAbort);
      }
    },
  };
}
export type Notifier = ReturnType<typeof createNotifier>;

/** Exponential backoff with a cap and 0-250 ms of jitter (DOMAIN appendix B). */
export const backoffMs = (attempt: number, baseMs: number, capMs: number) =>
  Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1)) + Math.floor(Math.random() * 250);

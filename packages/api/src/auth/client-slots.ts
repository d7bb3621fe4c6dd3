import { AppError } from '@pf/domain';

/**
 * How many pieces of work each client may have queued or running at once. The password hasher's queue is shared
 * by everyone: without a share per client, one address flooding sign-ins with unknown emails (each still costs a
 * dummy verification) would fill it and every other sign-in would be refused as OVERLOADED.
 */
export function createClientSlots(maxPerClient: number) {
  const inFlight = new Map<string, number>();
  const stats = { refused: 0 };

  function release(client: string) {
    const left = (inFlight.get(client) ?? 1) - 1;
    if (left > 0) inFlight.set(client, left);
    else inFlight.delete(client);
  }

  return {
    stats,
    /** Clients holding at least one slot (the map never outlives their work). */
    get clients() {
      return inFlight.size;
    },
    run<T>(client: string, work: () => Promise<T>): Promise<T> {
      const held = inFlight.get(client) ?? 0;
      if (held >= maxPerClient) {
        stats.refused++;
        return Promise.reject(
          new AppError(
            'RATE_LIMIT_EXCEEDED',
            'Too many sign-ins from your network are in progress. Try again in a moment.',
            {
              details: { retryAfterSeconds: 1 },
            },
          ),
        );
      }
      inFlight.set(client, held + 1);
      let started: Promise<T>;
      try {
        started = work();
      } catch (error) {
        release(client);
        return Promise.reject(error);
      }
      return started.finally(() => release(client));
    },
  };
}
export type ClientSlots = ReturnType<typeof createClientSlots>;

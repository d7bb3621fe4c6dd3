import { eventDeliveries, outboxDlq, outboxEvents } from '@pf/db';
import { and, count, isNull, lte, min } from 'drizzle-orm';
import { Gauge } from 'prom-client';
import type { AppDeps } from '../deps';

type GaugeDeps = Pick<AppDeps, 'db' | 'clock' | 'logger' | 'metrics'>;

/** DLQ rows written by the dispatcher have no consumer; they are reported under this label. */
export const DISPATCHER_LABEL = 'dispatcher';

async function sample(deps: GaugeDeps, consumerLag: boolean) {
  const now = deps.clock.now();
  const [outbox, dlq, deliveries] = await Promise.all([
    deps.db
      .select({ backlog: count(), oldest: min(outboxEvents.createdAt) })
      .from(outboxEvents)
      .where(and(isNull(outboxEvents.publishedAt), isNull(outboxEvents.deadLetteredAt))),
    deps.db
      .select({ consumer: outboxDlq.consumer, size: count() })
      .from(outboxDlq)
      .where(isNull(outboxDlq.replayedAt))
      .groupBy(outboxDlq.consumer),
    consumerLag
      ? deps.db
          .select({
            subscription: eventDeliveries.subscription,
            ready: count(),
            oldest: min(eventDeliveries.createdAt),
          })
          .from(eventDeliveries)
          .where(and(isNull(eventDeliveries.ackedAt), lte(eventDeliveries.visibleAt, now)))
          .groupBy(eventDeliveries.subscription)
      : [],
  ]);
  return { now, outbox: outbox[0], dlq, deliveries };
}

const ageSeconds = (now: Date, oldest: Date | null | undefined) =>
  oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0;

/**
 * Backlog gauges computed from Postgres when Prometheus scrapes (prom-client `collect`). One query set
 * serves every gauge of a scrape, and its values are reused for `cacheMs` (by the injected clock), so
 * frequent or repeated scrapes cost the database one query set per window. A scrape never fails because of
 * them: if the database is down or slow (past `timeoutMs`), the gauges keep their last values and the
 * failure is logged.
 * `consumerLag` reads the Postgres-backed transport's deliveries; with Pub/Sub the subscription backlog is
 * Pub/Sub's own metric (num_undelivered_messages), so those gauges would only ever say 0.
 */
export function registerEventingGauges(
  deps: GaugeDeps,
  subscriptions: readonly string[],
  { timeoutMs = 2000, consumerLag = true, cacheMs = 0 } = {},
) {
  const registers = [deps.metrics.registry];
  let inFlight: Promise<void> | null = null;
  let sampledAt: number | null = null;
  const refresh = () => {
    const now = deps.clock.now().getTime();
    if (sampledAt !== null && now - sampledAt < cacheMs) return Promise.resolve();
    inFlight ??= (async () => {
      let timer: NodeJS.Timeout | undefined;
      try {
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`gauge queries took over ${timeoutMs} ms`)), timeoutMs);
        });
        apply(await Promise.race([sample(deps, consumerLag), timeout]));
        sampledAt = now;
      } catch (error) {
        deps.logger.warn({ err: error }, 'eventing gauges not refreshed; keeping the last values');
      } finally {
        clearTimeout(timer);
        inFlight = null;
      }
    })();
    return inFlight;
  };

  const outboxBacklog = new Gauge({
    name: 'pf_outbox_backlog',
    help: 'Outbox events waiting to be published (not published, not dead-lettered)',
    registers,
    collect: refresh,
  });
  const outboxOldestAge = new Gauge({
    name: 'pf_outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest outbox event waiting to be published (0 when none)',
    registers,
    collect: refresh,
  });
  const dlqSize = new Gauge({
    name: 'pf_dlq_size',
    help: 'Dead letters not yet replayed, by consumer (dispatcher = could not be published)',
    labelNames: ['consumer'] as const,
    registers,
    collect: refresh,
  });
  const consumerBacklog = new Gauge({
    name: 'pf_consumer_backlog',
    help: 'Deliveries ready for a subscription but not yet acked',
    labelNames: ['subscription'] as const,
    registers: consumerLag ? registers : [],
    collect: refresh,
  });
  const consumerOldestAge = new Gauge({
    name: 'pf_consumer_oldest_unacked_age_seconds',
    help: 'Age of the oldest ready, unacked delivery of a subscription (0 when none)',
    labelNames: ['subscription'] as const,
    registers: consumerLag ? registers : [],
    collect: refresh,
  });

  function apply(snapshot: Awaited<ReturnType<typeof sample>>) {
    outboxBacklog.set(snapshot.outbox?.backlog ?? 0);
    outboxOldestAge.set(ageSeconds(snapshot.now, snapshot.outbox?.oldest));
    // Known series are reported as 0 rather than disappearing when their queue drains.
    dlqSize.reset();
    for (const consumer of [DISPATCHER_LABEL, ...subscriptions]) dlqSize.set({ consumer }, 0);
    for (const row of snapshot.dlq) dlqSize.set({ consumer: row.consumer ?? DISPATCHER_LABEL }, row.size);
    if (!consumerLag) return;
    consumerBacklog.reset();
    consumerOldestAge.reset();
    for (const subscription of subscriptions) {
      consumerBacklog.set({ subscription }, 0);
      consumerOldestAge.set({ subscription }, 0);
    }
    for (const row of snapshot.deliveries) {
      consumerBacklog.set({ subscription: row.subscription }, row.ready);
      consumerOldestAge.set({ subscription: row.subscription }, ageSeconds(snapshot.now, row.oldest));
    }
  }
}

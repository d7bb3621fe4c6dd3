import { hostname } from 'node:os';
import { idempotencyKeys } from '@pf/db';
import { ALL_CONSUMERS } from '../consumers';
import { purgeExpiredIdempotencyKeys } from '../trpc/idempotency';
import { consumerLoop, dispatcherLoop } from './eventing';
import type { Loop } from './runner';

export const heartbeatLoop: Loop = {
  name: 'heartbeat',
  intervalMs: (deps) => deps.config.WORKER_HEARTBEAT_SECONDS * 1000,
  async runOnce(deps) {
    const at = deps.clock.now();
    await deps.kv.set(`worker:heartbeat:${hostname()}:${process.pid}`, at.toISOString(), {
      ttlMs: deps.config.WORKER_HEARTBEAT_SECONDS * 3000,
    });
    deps.metrics.workerHeartbeat.set(at.getTime() / 1000);
    deps.logger.debug('heartbeat');
    return false;
  },
};

/** Expired idempotency records are dead weight: a repeat after the window runs as a new request anyway. */
export const idempotencyRetentionLoop: Loop = {
  name: 'idempotency-retention',
  intervalMs: () => 3_600_000,
  async runOnce(deps) {
    const removed = await purgeExpiredIdempotencyKeys(deps).returning({ key: idempotencyKeys.key });
    if (removed.length > 0) deps.logger.info({ removed: removed.length }, 'expired idempotency keys purged');
    return false;
  },
};

/** Every loop the worker knows; `--only` picks a subset by name (`dispatcher`, `consumer:<name>`, …). */
export const ALL_LOOPS: Loop[] = [
  heartbeatLoop,
  idempotencyRetentionLoop,
  dispatcherLoop,
  ...ALL_CONSUMERS.map(consumerLoop),
];
export { type Loop, runLoops, selectLoops } from './runner';

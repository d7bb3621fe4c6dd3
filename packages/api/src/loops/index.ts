import { hostname } from 'node:os';
import { ALL_CONSUMERS } from '../consumers';
import { cronLoop } from '../cron';
import { consumerLoop, dispatcherLoop } from './eventing';
import { gcsFinalizeBridgeLoop } from './gcs-finalize-bridge';
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

/** Every loop the worker knows; `--only` picks a subset by name (`dispatcher`, `consumer:<name>`, …). */
export const ALL_LOOPS: Loop[] = [
  heartbeatLoop,
  cronLoop,
  dispatcherLoop,
  ...ALL_CONSUMERS.map(consumerLoop),
  gcsFinalizeBridgeLoop,
];
export { type Loop, runLoops, selectLoops } from './runner';

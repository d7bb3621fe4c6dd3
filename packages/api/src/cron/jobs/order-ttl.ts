import { ORDER_EXPIRE_AFTER_DAYS, ORDER_NUDGE_AFTER_DAYS } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { cutoffFor, expirePendingOrder, nudgePendingOrder, pendingOrdersBefore } from '../../services/orders/order-ttl';
import type { CronJob } from '../types';

/** Orders selected per query; each is then handled in its own short transaction. */
const ORDER_TTL_BATCH = 200;

interface StepResult {
  done: number;
  skipped: number;
  failed: number;
  complete: boolean;
}

/**
 * Walks the candidates by id, one transaction per order, so one failing order neither rolls back nor blocks
 * the others (it is logged, counted and retried next run); shutdown stops between orders.
 */
async function forEachPendingOrder(
  deps: AppDeps,
  step: 'expire' | 'nudge',
  signal: AbortSignal,
  act: (id: string) => Promise<boolean>,
): Promise<StepResult> {
  const now = deps.clock.now();
  const cutoff = cutoffFor(now, step === 'expire' ? ORDER_EXPIRE_AFTER_DAYS : ORDER_NUDGE_AFTER_DAYS);
  const result = { done: 0, skipped: 0, failed: 0, complete: false };
  let afterId: string | null = null;
  while (!signal.aborted) {
    const batch = await pendingOrdersBefore(deps, cutoff, afterId, ORDER_TTL_BATCH, step === 'nudge');
    for (const { id } of batch) {
      if (signal.aborted) break;
      afterId = id;
      try {
        if (await act(id)) result.done++;
        else result.skipped++;
      } catch (error) {
        result.failed++;
        deps.logger.error({ err: error, step, orderId: id }, 'order TTL step failed');
      }
    }
    if (batch.length < ORDER_TTL_BATCH && !signal.aborted) {
      result.complete = true;
      break;
    }
  }
  return result;
}

/**
 * DOMAIN §7 `order-ttl`, hourly (§12.A16): expire pending orders older than 10 days (stock released), then
 * nudge the vendors of those older than 5 days, once per order. Expire runs first so an order is never nudged
 * in the run that expires it. Every step re-checks the order under its row lock, so overlapping runs or a
 * vendor deciding at the same moment change nothing twice.
 */
export const orderTtlJob: CronJob = {
  name: 'order-ttl',
  schedule: (config) => config.CRON_ORDER_TTL,
  async run(deps, signal) {
    const now = deps.clock.now();
    const expired = await forEachPendingOrder(deps, 'expire', signal, (id) => expirePendingOrder(deps, id, now));
    const nudged = await forEachPendingOrder(deps, 'nudge', signal, (id) => nudgePendingOrder(deps, id, now));
    const failed = expired.failed + nudged.failed;
    const summary = {
      expired: expired.done,
      nudged: nudged.done,
      skipped: expired.skipped + nudged.skipped,
      failed,
      complete: expired.complete && nudged.complete,
    };
    if (failed > 0) throw new Error(`order-ttl: ${failed} order(s) failed: ${JSON.stringify(summary)}`);
    return summary;
  },
};

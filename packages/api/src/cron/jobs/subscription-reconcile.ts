import {
  reconcileSubscription,
  resettleStore,
  storesWithStaleListing,
  subscriptionsToReconcile,
} from '../../services/billing/reconcile';
import type { CronJob } from '../types';

/**
 * DOMAIN §7 `subscription-reconcile`, and the clock of the listing rule: asks the provider about subscriptions
 * whose state time may have moved (with the simulated provider this is when renewals and period ends happen),
 * then re-derives the listing flag of every store whose grace period or paid period has run out, telling the
 * vendor. One transaction per subscription and per store; a failure is logged and retried next run.
 */
export const subscriptionReconcileJob: CronJob = {
  name: 'subscription-reconcile',
  schedule: (config) => config.CRON_SUBSCRIPTION_RECONCILE,
  async run(deps, signal) {
    let reconciled = 0;
    let failed = 0;
    for (const row of await subscriptionsToReconcile(deps, deps.clock.now())) {
      if (signal.aborted) break;
      try {
        if (await reconcileSubscription(deps, row.providerSubscriptionId)) reconciled++;
      } catch (error) {
        failed++;
        deps.logger.error({ err: error, subscriptionId: row.id }, 'subscription reconcile failed');
      }
    }
    let relisted = 0;
    for (const storeId of await storesWithStaleListing(deps, deps.clock.now())) {
      if (signal.aborted) break;
      try {
        if (await resettleStore(deps, storeId)) relisted++;
      } catch (error) {
        failed++;
        deps.logger.error({ err: error, storeId }, 'listing re-derivation failed');
      }
    }
    const summary = { reconciled, relisted, failed, complete: !signal.aborted };
    if (failed > 0) throw new Error(`subscription-reconcile: ${failed} failure(s): ${JSON.stringify(summary)}`);
    return summary;
  },
};

import { listingOverrides, stores, subscriptions } from '@pf/db';
import { ENDED_SUBSCRIPTION_STATUSES } from '@pf/domain';
import { and, asc, eq, isNotNull, lte, notInArray, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { applySubscriptionSnapshot, SNAPSHOT_RANK } from './mirror';
import { listingFor, lockStanding, settleListing } from './standing';

/** Subscriptions asked of the provider per run (DOMAIN §7 `subscription-reconcile`). */
export const RECONCILE_BATCH = 250;

/**
 * Running subscriptions whose state time may have changed at the provider: a period that ended (renewed or
 * canceled at its end), a renewal being retried, a cancellation scheduled. Oldest period end first.
 */
export async function subscriptionsToReconcile(deps: AppDeps, now: Date) {
  return deps.db
    .select({ id: subscriptions.id, providerSubscriptionId: subscriptions.providerSubscriptionId })
    .from(subscriptions)
    .where(
      and(
        notInArray(subscriptions.status, [...ENDED_SUBSCRIPTION_STATUSES]),
        or(
          lte(subscriptions.currentPeriodEnd, now),
          isNotNull(subscriptions.graceStartedAt),
          eq(subscriptions.cancelAtPeriodEnd, true),
        ),
      ),
    )
    .orderBy(asc(subscriptions.currentPeriodEnd))
    .limit(RECONCILE_BATCH);
}

/** Pulls one subscription from the provider and mirrors it (a webhook we missed changes nothing else). */
export async function reconcileSubscription(deps: AppDeps, providerSubscriptionId: string): Promise<boolean> {
  const snapshot = await deps.payments.getSubscription(providerSubscriptionId);
  if (!snapshot) return false;
  await deps.db.transaction((tx) =>
    applySubscriptionSnapshot(tx, deps, { snapshot, at: deps.clock.now(), rank: SNAPSHOT_RANK.updated }),
  );
  return true;
}

/**
 * Stores whose listing flag no longer matches their billing standing because time passed (a grace period
 * ran out, a canceled period ended). Only stores the billing system knows (a subscription or an override):
 * a store listed before billing existed keeps its flag until it subscribes or support decides.
 */
export async function storesWithStaleListing(deps: AppDeps, now: Date): Promise<string[]> {
  const rows = await deps.db
    .select({
      storeId: stores.id,
      listed: stores.subscriptionActive,
      subscription: subscriptions,
      override: listingOverrides,
    })
    .from(stores)
    .leftJoin(subscriptions, eq(subscriptions.storeId, stores.id))
    .leftJoin(listingOverrides, eq(listingOverrides.storeId, stores.id))
    .where(or(isNotNull(subscriptions.id), isNotNull(listingOverrides.storeId)));
  return rows
    .filter(
      (row) => listingFor(deps, { subscription: row.subscription, override: row.override }, now).listed !== row.listed,
    )
    .map((row) => row.storeId);
}

/** Re-derives one store's flag now (locked, so it cannot race a webhook). */
export async function resettleStore(deps: AppDeps, storeId: string): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const standing = await lockStanding(tx, storeId);
    if (!standing) return false;
    return (await settleListing(tx, deps, standing)).changed;
  });
}

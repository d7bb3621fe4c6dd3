import { listingOverrides, stores, subscriptions, type Transaction } from '@pf/db';
import { type Listing, listingOf, type StandingSnapshot, subscriptionChangeOf } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';

type SubscriptionRow = typeof subscriptions.$inferSelect;
type OverrideRow = typeof listingOverrides.$inferSelect;

export interface Standing {
  storeId: string;
  /** The stored listing flag (`stores.subscription_active`) as it was when the store was locked. */
  listedFlag: boolean;
  subscription: SubscriptionRow | null;
  override: OverrideRow | null;
}

/**
 * Locks the store row and reads its billing standing. Every change of a store's subscription mirror, override
 * or listing flag takes this lock first, so two webhooks for one store (or a webhook and the reconcile job)
 * derive the flag one after the other, each from the other's result. Null when the store does not exist.
 */
export async function lockStanding(tx: Transaction, storeId: string): Promise<Standing | null> {
  const [store] = await tx
    .select({ listed: stores.subscriptionActive })
    .from(stores)
    .where(eq(stores.id, storeId))
    .for('update');
  if (!store) return null;
  const [subscription] = await tx.select().from(subscriptions).where(eq(subscriptions.storeId, storeId));
  const [override] = await tx.select().from(listingOverrides).where(eq(listingOverrides.storeId, storeId));
  return { storeId, listedFlag: store.listed, subscription: subscription ?? null, override: override ?? null };
}

export const listingFor = (deps: AppDeps, standing: Omit<Standing, 'storeId' | 'listedFlag'>, now: Date): Listing =>
  listingOf({
    subscription: standing.subscription,
    override: standing.override ? { listed: standing.override.listed } : null,
    now,
    graceDays: deps.config.BILLING_GRACE_DAYS,
  });

const snapshotOf = (deps: AppDeps, standing: Standing, now: Date, listed?: boolean): StandingSnapshot => {
  const listing = listingFor(deps, standing, now);
  return {
    status: standing.subscription?.status ?? null,
    cancelAtPeriodEnd: standing.subscription?.cancelAtPeriodEnd ?? false,
    listing: listed === undefined ? listing : { ...listing, listed },
  };
};

/**
 * After a change to the standing locked as `before`: derives the listing flag from the subscription mirror
 * and override now in the database (same transaction), writes it if it moved, and emits `subscription_changed`
 * when the vendor has something to hear. The one writer of `stores.subscription_active` outside the seed.
 */
export async function settleListing(
  tx: Transaction,
  deps: AppDeps,
  before: Standing,
  actor?: { userId?: string; role?: string },
): Promise<{ listing: Listing; changed: boolean }> {
  const now = deps.clock.now();
  const [subscription] = await tx.select().from(subscriptions).where(eq(subscriptions.storeId, before.storeId));
  const [override] = await tx.select().from(listingOverrides).where(eq(listingOverrides.storeId, before.storeId));
  const after: Standing = { ...before, subscription: subscription ?? null, override: override ?? null };
  const listing = listingFor(deps, after, now);
  if (listing.listed !== before.listedFlag) {
    await tx
      .update(stores)
      .set({ subscriptionActive: listing.listed, updatedAt: now })
      .where(eq(stores.id, before.storeId));
  }
  const change = subscriptionChangeOf(snapshotOf(deps, before, now, before.listedFlag), snapshotOf(deps, after, now));
  if (!change) return { listing, changed: false };
  await emit(tx, {
    type: 'subscription_changed',
    aggregateId: before.storeId,
    occurredAt: now,
    ...(actor ? { actor: { ...actor, storeId: before.storeId } } : {}),
    data: {
      store_id: before.storeId,
      subscription_id: after.subscription?.id ?? null,
      status: after.subscription?.status ?? null,
      change,
      listed: listing.listed,
      previous_listed: before.listedFlag,
      reason: listing.reason,
      cancel_at_period_end: after.subscription?.cancelAtPeriodEnd ?? false,
      current_period_end: after.subscription?.currentPeriodEnd?.toISOString() ?? null,
      grace_ends_at: listing.graceEndsAt?.toISOString() ?? null,
    },
  });
  return { listing, changed: true };
}

import type { ProviderInvoice } from '@pf/adapters';
import { billingPlans, charges, subscriptions, type Transaction } from '@pf/db';
import {
  AppError,
  isDunningStatus,
  isEndedStatus,
  isSubscriptionStatus,
  isUuid,
  type ProviderSubscription,
  type SubscriptionStatus,
} from '@pf/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { resolveStoreId } from './resolve-store';
import { lockStanding, settleListing } from './standing';

/**
 * How far along a subscription's life an event is, for events stamped in the same second: a `created`
 * never overrides an `updated`, and nothing overrides `deleted` (Stripe does not promise delivery order).
 */
export const SNAPSHOT_RANK = { created: 0, updated: 1, deleted: 2 } as const;

export type MirrorOutcome = 'applied' | 'stale' | 'unmatched';

/** Whether a snapshot taken at (`at`, `rank`) is newer than the one the mirror holds. */
const isNewer = (row: { providerStateAt: Date; providerStateRank: number }, at: Date, rank: number) =>
  at.getTime() > row.providerStateAt.getTime() ||
  (at.getTime() === row.providerStateAt.getTime() && rank >= row.providerStateRank);

async function planIdFor(tx: Transaction, snapshot: ProviderSubscription): Promise<string | null> {
  const hinted = snapshot.metadata.plan_id;
  if (hinted && isUuid(hinted)) {
    const [plan] = await tx.select({ id: billingPlans.id }).from(billingPlans).where(eq(billingPlans.id, hinted));
    if (plan) return plan.id;
  }
  if (!snapshot.priceId) return null;
  const [plan] = await tx
    .select({ id: billingPlans.id })
    .from(billingPlans)
    .where(eq(billingPlans.providerPriceId, snapshot.priceId));
  return plan?.id ?? null;
}

const statusOf = (snapshot: ProviderSubscription): SubscriptionStatus => {
  if (!isSubscriptionStatus(snapshot.status)) {
    throw new AppError('VALIDATION_ERROR', `unknown subscription status "${snapshot.status}"`);
  }
  return snapshot.status;
};

/**
 * Mirrors a provider subscription into `subscriptions` and re-derives the store's listing (one transaction,
 * the caller's). `at`/`rank` order snapshots: Stripe may deliver `updated` before `created`, and an older
 * snapshot arriving late changes nothing. A new subscription replaces an ended one; a second live one for a
 * store with a live subscription is left alone (logged), never merged.
 */
export async function applySubscriptionSnapshot(
  tx: Transaction,
  deps: AppDeps,
  input: { snapshot: ProviderSubscription; at: Date; rank: number },
): Promise<MirrorOutcome> {
  const { snapshot, at, rank } = input;
  const status = statusOf(snapshot);
  const storeId = await resolveStoreId(tx, {
    storeId: snapshot.metadata.store_id,
    subscriptionId: snapshot.id,
    customerId: snapshot.customerId,
  });
  const standing = storeId ? await lockStanding(tx, storeId) : null;
  if (!standing) return 'unmatched';
  const row = standing.subscription;
  const sameSubscription = row?.providerSubscriptionId === snapshot.id;
  if (row && sameSubscription && !isNewer(row, at, rank)) return 'stale';
  if (row && !sameSubscription && !(isEndedStatus(row.status) && !isEndedStatus(status))) {
    deps.logger.warn(
      { storeId, mirrored: row.providerSubscriptionId, incoming: snapshot.id },
      'subscription event for a store that mirrors another subscription: ignored',
    );
    return 'stale';
  }
  const keptGrace = sameSubscription ? row?.graceStartedAt : null;
  const values = {
    storeId: standing.storeId,
    planId: (await planIdFor(tx, snapshot)) ?? (sameSubscription ? (row?.planId ?? null) : null),
    provider: deps.payments.kind,
    providerSubscriptionId: snapshot.id,
    providerCustomerId: snapshot.customerId,
    status,
    priceId: snapshot.priceId,
    currentPeriodStart: snapshot.currentPeriodStart,
    currentPeriodEnd: snapshot.currentPeriodEnd,
    cancelAtPeriodEnd: snapshot.cancelAtPeriodEnd,
    canceledAt: snapshot.canceledAt,
    endedAt: snapshot.endedAt,
    trialEnd: snapshot.trialEnd,
    // The grace clock starts at the first failure of a dunning episode and stops when payments are in order.
    graceStartedAt: isDunningStatus(status) ? (keptGrace ?? at) : null,
    providerStateAt: at,
    providerStateRank: rank,
    metadata: snapshot.metadata,
    updatedAt: deps.clock.now(),
  };
  const [saved] = await tx
    .insert(subscriptions)
    .values(values)
    .onConflictDoUpdate({ target: subscriptions.storeId, set: values })
    .returning({ id: subscriptions.id });
  // Invoices that arrived before their subscription (out of order) are linked to it now.
  if (saved) {
    await tx
      .update(charges)
      .set({ subscriptionId: saved.id })
      .where(and(eq(charges.providerSubscriptionId, snapshot.id), isNull(charges.subscriptionId)));
  }
  await settleListing(tx, deps, standing);
  return 'applied';
}

/**
 * Mirrors an invoice into `charges` (one row per invoice). A paid invoice stays paid whatever arrives after
 * it; a failed one starts the grace clock of its subscription if it is not running yet.
 */
export async function applyInvoice(
  tx: Transaction,
  deps: AppDeps,
  input: { invoice: ProviderInvoice; paid: boolean; at: Date },
): Promise<MirrorOutcome> {
  const { invoice, paid, at } = input;
  const storeId = await resolveStoreId(tx, {
    storeId: invoice.storeIdHint,
    subscriptionId: invoice.subscriptionId,
    customerId: invoice.customerId,
  });
  const standing = storeId ? await lockStanding(tx, storeId) : null;
  if (!standing) return 'unmatched';
  const sub = standing.subscription;
  const ownSubscription = sub && invoice.subscriptionId === sub.providerSubscriptionId ? sub : null;
  const [existing] = await tx
    .select({ status: charges.status })
    .from(charges)
    .where(eq(charges.providerInvoiceId, invoice.id));
  const status = paid || existing?.status === 'succeeded' ? 'succeeded' : 'failed';
  const values = {
    storeId: standing.storeId,
    subscriptionId: ownSubscription?.id ?? null,
    providerSubscriptionId: invoice.subscriptionId,
    providerInvoiceId: invoice.id,
    amountCents: paid ? invoice.amountPaidCents : invoice.amountDueCents,
    currency: invoice.currency,
    status: status as 'succeeded' | 'failed',
    description: invoice.description,
    invoiceUrl: invoice.invoiceUrl,
    periodStart: invoice.periodStart,
    periodEnd: invoice.periodEnd,
    billedAt: invoice.paidAt ?? invoice.createdAt,
    updatedAt: deps.clock.now(),
  };
  await tx.insert(charges).values(values).onConflictDoUpdate({ target: charges.providerInvoiceId, set: values });
  if (ownSubscription && !isEndedStatus(ownSubscription.status)) {
    const graceStartedAt = paid
      ? isDunningStatus(ownSubscription.status)
        ? ownSubscription.graceStartedAt
        : null
      : (ownSubscription.graceStartedAt ?? at);
    if (graceStartedAt?.getTime() !== ownSubscription.graceStartedAt?.getTime()) {
      await tx.update(subscriptions).set({ graceStartedAt }).where(eq(subscriptions.id, ownSubscription.id));
    }
  }
  await settleListing(tx, deps, standing);
  return 'applied';
}

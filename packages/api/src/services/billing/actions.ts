import { subscriptions } from '@pf/db';
import { AppError, isEndedStatus } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { RequestMeta } from '../types';
import { customerIdOf, ensureCustomer } from './customer';
import { applySubscriptionSnapshot, SNAPSHOT_RANK } from './mirror';
import { planForSale } from './plans';
import { listingFor } from './standing';

export const BILLING_PAGE_PATH = '/vendor/billing';

/** Stripe needs absolute return URLs; the simulated provider's pages are this app's, so a path will do. */
const pageUrl = (deps: AppDeps, query: string) => {
  const path = `${BILLING_PAGE_PATH}${query}`;
  return deps.payments.kind === 'stripe' ? new URL(path, deps.config.APP_URL).toString() : path;
};

async function subscriptionRow(deps: AppDeps, storeId: string) {
  const [row] = await deps.db.select().from(subscriptions).where(eq(subscriptions.storeId, storeId));
  return row ?? null;
}

/** A subscription that still runs (or will until its period ends): a store has at most one. */
async function runningSubscription(deps: AppDeps, storeId: string) {
  const row = await subscriptionRow(deps, storeId);
  if (!row || isEndedStatus(row.status)) return null;
  const listing = listingFor(deps, { subscription: row, override: null }, deps.clock.now());
  return listing.reason === 'period_ended' ? null : row;
}

/**
 * Opens a hosted checkout (subscription mode) for a plan. `requestKey` is the caller's Idempotency-Key, so
 * a retried click opens the same session instead of a second one.
 */
export async function startCheckout(
  deps: AppDeps,
  storeId: string,
  input: { planId?: string | undefined },
  requestKey: string,
): Promise<{ url: string }> {
  if (await runningSubscription(deps, storeId)) {
    throw new AppError('CONFLICT', 'Your store already has a subscription. Manage it instead.');
  }
  const plan = await planForSale(deps, input.planId);
  const priceId = plan.providerPriceId ?? (deps.payments.kind === 'simulated' ? `price_simulated_${plan.id}` : null);
  if (!priceId) {
    throw new AppError(
      'STATE_CONFLICT',
      'This plan cannot be bought yet: it has no Stripe price. Ask PackFinderz support.',
    );
  }
  const customerId = await ensureCustomer(deps, storeId);
  const session = await deps.payments.createCheckoutSession({
    customerId,
    storeId,
    plan: {
      planId: plan.id,
      name: plan.name,
      priceId,
      amountCents: plan.priceCents,
      currency: plan.currency,
      interval: plan.interval,
      trialDays: plan.trialDays,
    },
    successUrl: pageUrl(deps, '?checkout=success'),
    cancelUrl: pageUrl(deps, '?checkout=canceled'),
    idempotencyKey: `checkout:${storeId}:${requestKey}`,
  });
  return { url: session.url };
}

/** The provider's portal (card changes, invoices, cancellation). */
export async function openPortal(deps: AppDeps, storeId: string, requestKey: string): Promise<{ url: string }> {
  const customerId = await customerIdOf(deps, storeId);
  if (!customerId) throw new AppError('STATE_CONFLICT', 'There is no billing account yet: subscribe first.');
  return deps.payments.createPortalSession({
    customerId,
    returnUrl: pageUrl(deps, ''),
    idempotencyKey: `portal:${storeId}:${requestKey}`,
  });
}

/**
 * Cancel at period end (or take that back). The provider is asked first; its answer is mirrored at once so
 * the page shows it without waiting for the webhook, which then arrives as a no-op.
 */
export async function setCancellation(
  deps: AppDeps,
  actor: { userId: string; storeId: string },
  cancelAtPeriodEnd: boolean,
  requestKey: string,
  meta: RequestMeta,
): Promise<void> {
  const row = await runningSubscription(deps, actor.storeId);
  if (!row) throw new AppError('STATE_CONFLICT', 'There is no running subscription to change.');
  const snapshot = await deps.payments.setCancelAtPeriodEnd({
    subscriptionId: row.providerSubscriptionId,
    cancelAtPeriodEnd,
    idempotencyKey: `cancel:${actor.storeId}:${requestKey}`,
  });
  await deps.db.transaction(async (tx) => {
    await applySubscriptionSnapshot(tx, deps, { snapshot, at: deps.clock.now(), rank: SNAPSHOT_RANK.updated });
    await recordAudit(tx, {
      actorUserId: actor.userId,
      storeId: actor.storeId,
      action: cancelAtPeriodEnd ? 'billing.cancel_scheduled' : 'billing.cancel_revoked',
      targetType: 'subscription',
      targetId: row.id,
      details: { before: { cancelAtPeriodEnd: row.cancelAtPeriodEnd }, after: { cancelAtPeriodEnd } },
      requestId: meta.requestId,
    });
  });
}

export { runningSubscription, subscriptionRow };

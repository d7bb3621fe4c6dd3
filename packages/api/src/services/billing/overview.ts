import { billingPlans, charges, listingOverrides, stores, subscriptions } from '@pf/db';
import { AppError, type BillingOverviewDto, type ChargeDto, isEndedStatus, type SubscriptionDto } from '@pf/domain';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { customerIdOf } from './customer';
import { activePlans, planDtoOf } from './plans';
import { listingFor } from './standing';

/** How many invoices the billing page lists (a few years of monthly billing). */
export const CHARGES_SHOWN = 36;

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Everything the vendor billing page shows, for the caller's store only. */
export async function getBillingOverview(deps: AppDeps, storeId: string): Promise<BillingOverviewDto> {
  const [store] = await deps.db.select({ kycStatus: stores.kycStatus }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new AppError('NOT_FOUND', 'Store not found.');
  const [joined] = await deps.db
    .select({ subscription: subscriptions, plan: billingPlans })
    .from(subscriptions)
    .leftJoin(billingPlans, eq(billingPlans.id, subscriptions.planId))
    .where(eq(subscriptions.storeId, storeId));
  const [override] = await deps.db.select().from(listingOverrides).where(eq(listingOverrides.storeId, storeId));
  const sub = joined?.subscription ?? null;
  const listing = listingFor(deps, { subscription: sub, override: override ?? null }, deps.clock.now());
  const running = sub && !isEndedStatus(sub.status) && listing.reason !== 'period_ended';
  const subscription: SubscriptionDto | null = sub
    ? {
        id: sub.id,
        status: sub.status,
        plan: joined?.plan ? planDtoOf(joined.plan) : null,
        currentPeriodStart: iso(sub.currentPeriodStart),
        currentPeriodEnd: iso(sub.currentPeriodEnd),
        nextChargeAt: running && !sub.cancelAtPeriodEnd ? iso(sub.currentPeriodEnd) : null,
        cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
        canceledAt: iso(sub.canceledAt),
        trialEnd: iso(sub.trialEnd),
      }
    : null;
  const chargeRows = await deps.db
    .select()
    .from(charges)
    .where(eq(charges.storeId, storeId))
    .orderBy(desc(charges.billedAt), desc(charges.createdAt))
    .limit(CHARGES_SHOWN);
  const chargeDtos: ChargeDto[] = chargeRows.map((row) => ({
    id: row.id,
    amountCents: row.amountCents,
    currency: row.currency,
    status: row.status,
    description: row.description,
    billedAt: iso(row.billedAt),
    periodStart: iso(row.periodStart),
    periodEnd: iso(row.periodEnd),
    invoiceUrl: row.invoiceUrl,
  }));
  return {
    provider: deps.payments.kind,
    kycStatus: store.kycStatus,
    listing: { listed: listing.listed, reason: listing.reason, graceEndsAt: iso(listing.graceEndsAt) },
    subscription,
    charges: chargeDtos,
    plans: await activePlans(deps),
    hasCustomer: (await customerIdOf(deps, storeId)) !== null,
  };
}

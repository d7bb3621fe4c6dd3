import { randomUUID } from 'node:crypto';
import { billingPlans, stores, subscriptions, users } from '@pf/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { simulatedPaymentsOf } from '../payments';
import { startCheckout } from '../services/billing/actions';
import { DEMO_VENDORS } from './profiles';

export const DEFAULT_PLAN = {
  name: 'Vendor Standard',
  priceCents: 9900,
  currency: 'usd',
  interval: 'month' as const,
  trialDays: 0,
  features: ['Listed to every licensed buyer in your state', 'Unlimited products and volume tiers', 'Order alerts'],
  isDefault: true,
};

/**
 * Billing for a fresh install: the default plan (once; an install whose admins changed the catalogue keeps
 * it), and, with the simulated provider, a paid subscription for each demo vendor the seed listed, bought
 * through the same checkout and webhook path a vendor uses, so their billing pages are real.
 */
export async function seedBilling(deps: AppDeps): Promise<void> {
  const [anyPlan] = await deps.db.select({ id: billingPlans.id }).from(billingPlans).limit(1);
  if (!anyPlan) await deps.db.insert(billingPlans).values(DEFAULT_PLAN);
  const simulated = simulatedPaymentsOf(deps.payments);
  if (!simulated) return;
  const unbilled = await deps.db
    .select({ id: stores.id })
    .from(stores)
    .innerJoin(users, eq(users.id, stores.ownerUserId))
    .leftJoin(subscriptions, eq(subscriptions.storeId, stores.id))
    .where(
      and(
        eq(stores.type, 'vendor'),
        eq(stores.subscriptionActive, true),
        isNull(subscriptions.id),
        inArray(
          sql`lower(${users.email})`,
          DEMO_VENDORS.map((vendor) => vendor.owner.email),
        ),
      ),
    );
  for (const store of unbilled) {
    const { url } = await startCheckout(deps, store.id, {}, `seed-${randomUUID()}`);
    await simulated.completeCheckout(url.slice(url.lastIndexOf('/') + 1));
  }
}

import { randomUUID } from 'node:crypto';
import { billingCustomers, billingPlans, subscriptions } from '@pf/db';
import { eq } from 'drizzle-orm';
import { simulatedPaymentsOf } from '../src/payments';
import { startCheckout } from '../src/services/billing/actions';
import type { TestApp } from '../src/testing';

/** A plan on sale, written directly (the admin API has its own tests). The first one made is the default. */
export async function insertPlan(app: TestApp, values: Partial<typeof billingPlans.$inferInsert> = {}) {
  const [existingDefault] = await app.deps.db.select().from(billingPlans).where(eq(billingPlans.isDefault, true));
  const [row] = await app.deps.db
    .insert(billingPlans)
    .values({
      name: `Plan ${randomUUID().slice(0, 6)}`,
      priceCents: 9900,
      interval: 'month',
      isDefault: !existingDefault,
      ...values,
    })
    .returning();
  if (!row) throw new Error('plan insert failed');
  return row;
}

export const simulator = (app: TestApp) => {
  const simulated = simulatedPaymentsOf(app.deps.payments);
  if (!simulated) throw new Error('these tests need PAYMENTS_PROVIDER=simulated');
  return simulated;
};

export const sessionIdOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

/** Subscribes a store through the simulated provider's checkout (webhooks and all), unless it already is. */
export async function subscribeStore(app: TestApp, storeId: string) {
  const [existing] = await app.deps.db.select().from(subscriptions).where(eq(subscriptions.storeId, storeId));
  if (existing && existing.status !== 'canceled') return existing;
  const { url } = await startCheckout(app.deps, storeId, {}, randomUUID());
  await simulator(app).completeCheckout(sessionIdOf(url));
  const [row] = await app.deps.db.select().from(subscriptions).where(eq(subscriptions.storeId, storeId));
  if (!row) throw new Error('simulated checkout left no subscription');
  return row;
}

/** An open simulated checkout session of `storeId` (the provider's own call; no subscription checks). */
export async function openSession(app: TestApp, storeId: string, complete = false) {
  const customerId = `cus_matrix_${storeId.slice(0, 8)}`;
  await app.deps.db
    .insert(billingCustomers)
    .values({ storeId, provider: 'simulated', providerCustomerId: customerId })
    .onConflictDoNothing();
  const [customer] = await app.deps.db.select().from(billingCustomers).where(eq(billingCustomers.storeId, storeId));
  const session = await simulator(app).createCheckoutSession({
    customerId: customer?.providerCustomerId ?? customerId,
    storeId,
    plan: {
      planId: randomUUID(),
      name: 'Matrix',
      priceId: 'price_matrix',
      amountCents: 100,
      currency: 'usd',
      interval: 'month',
      trialDays: 0,
    },
    successUrl: '/vendor/billing?checkout=success',
    cancelUrl: '/vendor/billing?checkout=canceled',
    idempotencyKey: randomUUID(),
  });
  if (complete) await simulator(app).completeCheckout(session.sessionId);
  return session.sessionId;
}

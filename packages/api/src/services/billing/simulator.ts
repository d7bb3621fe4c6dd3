import { stores } from '@pf/db';
import { AppError, type SimulatedCheckoutDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { simulatedPaymentsOf } from '../../payments';
import { runningSubscription } from './actions';

const notFound = () => new AppError('NOT_FOUND', 'Checkout session not found.');

/** The simulated provider, or NOT_FOUND when payments run on Stripe (its pages do not exist then). */
function simulator(deps: AppDeps) {
  const simulated = simulatedPaymentsOf(deps.payments);
  if (!simulated) throw new AppError('NOT_FOUND', 'Not found.');
  return simulated;
}

async function ownSession(deps: AppDeps, storeId: string, sessionId: string) {
  const session = await simulator(deps).getCheckoutSession(sessionId);
  // Another store's session answers exactly like a made-up id.
  if (!session || session.storeId !== storeId) throw notFound();
  return session;
}

/** What the local "Pay now" page shows. */
export async function getSimulatedCheckout(
  deps: AppDeps,
  storeId: string,
  sessionId: string,
): Promise<SimulatedCheckoutDto> {
  const session = await ownSession(deps, storeId, sessionId);
  const [store] = await deps.db.select({ name: stores.companyName }).from(stores).where(eq(stores.id, storeId));
  const { plan } = session;
  return {
    sessionId: session.id,
    status: session.status,
    storeName: store?.name ?? '',
    plan: {
      id: plan.planId,
      name: plan.name,
      priceCents: plan.amountCents,
      currency: plan.currency,
      interval: plan.interval,
      trialDays: plan.trialDays,
      features: [],
      isDefault: false,
    },
    successUrl: session.successUrl,
    cancelUrl: session.cancelUrl,
  };
}

/** "Pay now": the subscription starts and its webhooks are applied before this answers. */
export async function paySimulatedCheckout(
  deps: AppDeps,
  storeId: string,
  sessionId: string,
): Promise<{ url: string }> {
  const session = await ownSession(deps, storeId, sessionId);
  if (session.status === 'open' && (await runningSubscription(deps, storeId))) {
    throw new AppError('CONFLICT', 'Your store already has a subscription.');
  }
  await simulator(deps).completeCheckout(session.id);
  return { url: session.successUrl };
}

/** Demo and test aid: the next renewal's charge fails, starting the grace period. */
export async function failSimulatedRenewal(deps: AppDeps, storeId: string): Promise<void> {
  const simulated = simulator(deps);
  const row = await runningSubscription(deps, storeId);
  if (!row) throw new AppError('STATE_CONFLICT', 'There is no running subscription to renew.');
  await simulated.failRenewal(row.providerSubscriptionId);
}

import type { Metadata } from 'next';
import { forbidden, notFound } from 'next/navigation';
import { SimulatedCheckout } from '@/components/billing/simulated-checkout';
import { orNotFound } from '@/lib/marketplace-server';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Checkout' };

/** The simulated provider's hosted checkout (404 with Stripe, for a malformed id or another store's session). */
export default async function SimulatedCheckoutPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const me = await requireArea('vendor');
  if (me.activeStore?.role !== 'owner') forbidden();
  const { sessionId } = await params;
  if (!/^cs_sim_[A-Za-z0-9]{8,64}$/.test(sessionId)) notFound();
  const session = await orNotFound((await getServerCaller()).billing.simulator.checkout({ sessionId }));
  if (!session) notFound();
  return <SimulatedCheckout session={session} />;
}

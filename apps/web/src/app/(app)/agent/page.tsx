import { Truck } from 'lucide-react';
import type { Metadata } from 'next';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Deliveries' };

/** Phone first: one primary area, big type, large targets. */
export default async function AgentHome() {
  const me = await requireArea('agent');
  return (
    <div className="mx-auto max-w-md space-y-5">
      <div>
        <p className="text-sm font-medium text-gray-600">Signed in as agent</p>
        <h1 className="text-3xl font-bold text-gray-900">Hi, {me.user.firstName}</h1>
      </div>
      <section className="rounded-xl border-2 border-dashed border-gray-300 bg-white p-6 text-center">
        <Truck className="mx-auto h-14 w-14 text-gray-400" aria-hidden />
        <h2 className="mt-3 text-xl font-semibold text-gray-900">No deliveries yet</h2>
        <p className="mt-2 text-base text-gray-700">
          Your pickup and delivery queue appears here once ordering opens. Coming soon: pick up, deliver and record cash
          collected — one tap each.
        </p>
      </section>
    </div>
  );
}

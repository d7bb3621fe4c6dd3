import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { BillingConsole } from '@/components/billing/billing-console';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Billing' };

export default async function VendorBillingPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const me = await requireArea('vendor');
  if (me.activeStore?.role !== 'owner') forbidden();
  const [overview, { checkout }] = await Promise.all([(await getServerCaller()).billing.overview(), searchParams]);
  return (
    <>
      <PageHeader title="Billing" description="Your vendor subscription keeps your store listed in the marketplace." />
      {checkout === 'success' ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-green-200 bg-green-50 px-4 py-3 text-sm text-green-900"
        >
          Thank you: your payment went through.
        </p>
      ) : checkout === 'canceled' ? (
        <p role="status" className="mb-6 rounded-lg border border-gray-200 bg-white px-4 py-3 text-sm text-gray-700">
          Checkout canceled: nothing was charged.
        </p>
      ) : null}
      <BillingConsole initial={overview} />
    </>
  );
}

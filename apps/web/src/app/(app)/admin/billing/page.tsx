import type { Metadata } from 'next';
import { BillingPlans } from '@/components/admin/billing/billing-plans';
import { BillingStores } from '@/components/admin/billing/billing-stores';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Billing' };

export default async function AdminBillingPage() {
  await requireArea('admin');
  return (
    <>
      <PageHeader title="Billing" description="Vendor subscriptions, listing overrides and the plan catalogue." />
      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-gray-900">Vendor stores</h2>
        <BillingStores />
      </section>
      <section className="mt-10 space-y-3">
        <h2 className="text-lg font-semibold text-gray-900">Plans</h2>
        <BillingPlans />
      </section>
    </>
  );
}

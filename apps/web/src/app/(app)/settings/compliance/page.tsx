import type { Metadata } from 'next';
import { ListingChecklist } from '@/components/billing/listing-checklist';
import { AddLicenseForm } from '@/components/compliance/add-license-form';
import { KycSummary } from '@/components/compliance/kyc-summary';
import { LicensesPanel } from '@/components/compliance/licenses-panel';
import { PageHeader } from '@/components/page-header';
import { canSubmitLicense } from '@/lib/licenses';
import { requireStore } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Compliance' };

export default async function CompliancePage() {
  const { store } = await requireStore();
  const profile = await (await getServerCaller()).store.me.get();
  const canSubmit = canSubmitLicense(store.role);
  return (
    <>
      <PageHeader title="Compliance" description={`State licenses for ${store.name} and their review status.`} />
      <div className="grid items-start gap-6 lg:grid-cols-5">
        <div className="min-w-0 space-y-6 lg:col-span-3">
          <KycSummary type={store.type} status={profile.kycStatus} subscriptionActive={profile.subscriptionActive} />
          {store.type === 'vendor' ? (
            <ListingChecklist
              kycStatus={profile.kycStatus}
              subscriptionActive={profile.subscriptionActive}
              canManageBilling={store.role === 'owner'}
            />
          ) : null}
          <LicensesPanel role={store.role} storeType={store.type} />
        </div>
        <div className="min-w-0 lg:col-span-2">
          {canSubmit ? (
            <AddLicenseForm storeType={store.type} defaultState={profile.address.state} />
          ) : (
            <p className="rounded-lg border border-gray-200 bg-white p-5 text-sm text-gray-600">
              Your role can see licenses but not submit them. Ask an owner or a manager to submit one, or to change your
              role.
            </p>
          )}
        </div>
      </div>
    </>
  );
}

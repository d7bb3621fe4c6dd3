import { CreditCard, FileBadge, Inbox, Package } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { StoreStatus } from '@/components/store-status';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Vendor home' };

export default async function VendorHome() {
  const me = await requireArea('vendor');
  const store = me.activeStore;
  if (!store) return null;
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.firstName}`} description={`${store.name} · vendor console`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <StoreStatus store={store} />
        </div>
        <ComingSoon icon={FileBadge} title="License verification">
          Upload your producer or grower license; an admin verifies it before buyers can see you.
        </ComingSoon>
        <ComingSoon icon={CreditCard} title="Subscription">
          A vendor subscription makes your store visible in the marketplace.
        </ComingSoon>
        <ComingSoon icon={Package} title="Products and inventory">
          List products with volume discounts and keep stock in sync.
        </ComingSoon>
        <ComingSoon icon={Inbox} title="Incoming orders">
          Accept or reject orders per order and per line.
        </ComingSoon>
      </div>
    </>
  );
}

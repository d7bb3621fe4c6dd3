import { FileBadge, Inbox, Package } from 'lucide-react';
import type { Metadata } from 'next';
import { ListingChecklist } from '@/components/billing/listing-checklist';
import { ComingSoon } from '@/components/coming-soon';
import { HomeCard } from '@/components/home-card';
import { PageHeader } from '@/components/page-header';
import { StoreStatus } from '@/components/store-status';
import { countOf, PRODUCT } from '@/lib/plural';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Vendor home' };

export default async function VendorHome() {
  const me = await requireArea('vendor');
  const store = me.activeStore;
  if (!store) return null;
  const caller = await getServerCaller();
  const [profile, all, lowStock] = await Promise.all([
    caller.store.me.get(),
    caller.vendorProducts.list({ limit: 1 }),
    caller.vendorProducts.list({ limit: 1, lowStockOnly: true }),
  ]);
  const productLinks = [
    {
      href: all.total === 0 ? '/vendor/products/new' : '/vendor/products',
      label: all.total === 0 ? 'Add a product' : 'Manage products',
    },
    ...(lowStock.total > 0 ? [{ href: '/vendor/products?low=1', label: 'See low stock' }] : []),
  ];
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.firstName}`} description={`${store.name} · vendor console`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <StoreStatus store={store} subscriptionActive={profile.subscriptionActive} />
        </div>
        <div className="lg:col-span-2">
          <ListingChecklist
            kycStatus={profile.kycStatus}
            subscriptionActive={profile.subscriptionActive}
            canManageBilling={store.role === 'owner'}
          />
        </div>
        <HomeCard icon={Package} title="Products and inventory" links={productLinks}>
          <p data-testid="catalog-summary">
            {all.total === 0
              ? 'No products yet. List products with volume discounts and keep stock in sync.'
              : `${countOf(all.total, PRODUCT)} in your catalog, ${countOf(lowStock.total, { one: 'is', other: 'are' })} low on stock.`}
          </p>
        </HomeCard>
        <HomeCard
          icon={FileBadge}
          title="Licenses"
          links={[{ href: '/settings/compliance', label: 'Manage licenses' }]}
        >
          Upload your producer or grower license; an admin verifies it before buyers can see you.
        </HomeCard>
        <ComingSoon icon={Inbox} title="Incoming orders">
          Accept or reject orders per order and per line.
        </ComingSoon>
      </div>
    </>
  );
}

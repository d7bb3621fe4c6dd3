import { CreditCard, FileBadge, Inbox, Package } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { HomeCard } from '@/components/home-card';
import { PageHeader } from '@/components/page-header';
import { StoreStatus } from '@/components/store-status';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Vendor home' };

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

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
        <HomeCard icon={Package} title="Products and inventory" links={productLinks}>
          <p data-testid="catalog-summary">
            {all.total === 0
              ? 'No products yet. List products with volume discounts and keep stock in sync.'
              : `${count(all.total, 'product', 'products')} in your catalog, ${count(lowStock.total, 'is', 'are')} low on stock.`}
          </p>
        </HomeCard>
        <HomeCard
          icon={FileBadge}
          title="Licenses"
          links={[{ href: '/settings/compliance', label: 'Manage licenses' }]}
        >
          Upload your producer or grower license; an admin verifies it before buyers can see you.
        </HomeCard>
        <ComingSoon icon={CreditCard} title="Subscription">
          A vendor subscription makes your store visible in the marketplace.
        </ComingSoon>
        <ComingSoon icon={Inbox} title="Incoming orders">
          Accept or reject orders per order and per line.
        </ComingSoon>
      </div>
    </>
  );
}

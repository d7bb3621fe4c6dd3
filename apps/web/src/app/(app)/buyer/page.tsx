import { FileBadge, ShoppingCart, Truck } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { HomeCard } from '@/components/home-card';
import { PageHeader } from '@/components/page-header';
import { StoreStatus } from '@/components/store-status';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Buyer home' };

export default async function BuyerHome() {
  const me = await requireArea('buyer');
  const store = me.activeStore;
  if (!store) return null;
  return (
    <>
      <PageHeader title={`Welcome, ${me.user.firstName}`} description={`${store.name} · buyer account`} />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="lg:col-span-2">
          <StoreStatus store={store} />
        </div>
        <HomeCard
          icon={ShoppingCart}
          title="Marketplace"
          links={[
            { href: '/buyer/marketplace', label: 'Open the marketplace' },
            { href: '/buyer/cart', label: 'Open your cart' },
          ]}
        >
          Browse verified vendors in your state, compare volume pricing and download lab results, then order from
          several vendors in one cart: each vendor gets its own order.
        </HomeCard>
        <HomeCard
          icon={FileBadge}
          title="Licenses"
          links={[{ href: '/settings/compliance', label: 'Manage licenses' }]}
        >
          Upload your dispensary license and follow its review; we remind you before it expires.
        </HomeCard>
        <ComingSoon icon={Truck} title="Orders and deliveries">
          Track every vendor order from acceptance to cash-on-delivery.
        </ComingSoon>
      </div>
    </>
  );
}

import { FileBadge, ShoppingCart, Truck } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
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
        <ComingSoon icon={FileBadge} title="License upload">
          Upload your dispensary license for verification. This arrives with the compliance release.
        </ComingSoon>
        <ComingSoon icon={ShoppingCart} title="Marketplace and cart">
          Browse verified vendors and order from several in one cart.
        </ComingSoon>
        <ComingSoon icon={Truck} title="Orders and deliveries">
          Track every vendor order from acceptance to cash-on-delivery.
        </ComingSoon>
      </div>
    </>
  );
}

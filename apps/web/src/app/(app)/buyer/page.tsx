import { FileBadge, ShoppingCart, Truck } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { StoreStatus } from '@/components/store-status';
import { buttonVariants } from '@/components/ui/button';
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
        <section className="rounded-lg border border-gray-200 bg-white p-6 shadow-xs">
          <div className="flex items-start gap-4">
            <ShoppingCart className="mt-0.5 h-8 w-8 shrink-0 text-brand-700" aria-hidden />
            <div>
              <h2 className="text-base font-semibold text-gray-900">Marketplace</h2>
              <p className="mt-1 text-sm text-gray-600">
                Browse verified vendors in your state, compare volume pricing and download lab results. Ordering from
                several vendors in one cart comes next.
              </p>
              <Link
                href="/buyer/marketplace"
                className={buttonVariants({ variant: 'secondary', size: 'sm', className: 'mt-3' })}
              >
                Open the marketplace
              </Link>
            </div>
          </div>
        </section>
        <ComingSoon icon={Truck} title="Orders and deliveries">
          Track every vendor order from acceptance to cash-on-delivery.
        </ComingSoon>
      </div>
    </>
  );
}

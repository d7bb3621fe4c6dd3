import { ShoppingCart } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Marketplace' };

export default async function MarketplacePage() {
  await requireArea('buyer');
  return (
    <>
      <PageHeader title="Marketplace" description="Products from licensed, verified vendors in your state." />
      <ComingSoon icon={ShoppingCart} title="Catalog">
        The catalog opens with the catalog release: search, filters, volume pricing and a multi-vendor cart.
      </ComingSoon>
    </>
  );
}

import { Package } from 'lucide-react';
import type { Metadata } from 'next';
import { ComingSoon } from '@/components/coming-soon';
import { PageHeader } from '@/components/page-header';
import { requireArea } from '@/server/access';

export const metadata: Metadata = { title: 'Products' };

export default async function VendorProductsPage() {
  await requireArea('vendor');
  return (
    <>
      <PageHeader title="Products" description="Your catalog, inventory and volume discounts." />
      <ComingSoon icon={Package} title="Product catalog">
        Product management arrives with the catalog release.
      </ComingSoon>
    </>
  );
}

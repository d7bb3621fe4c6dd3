import { roleAllows } from '@pf/domain';
import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { ProductsConsole } from '@/components/vendor-products/products-console';
import { parseProductFilters, productListInputOf } from '@/lib/vendor-products-filters';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Products' };

export default async function VendorProductsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireArea('vendor');
  const filters = parseProductFilters(await searchParams);
  const canEdit = me.activeStore ? roleAllows(me.activeStore.role, 'manageProducts') : false;
  // First paint from the server; the table takes over in the browser (a failure here is shown there).
  const caller = await getServerCaller();
  const firstPage = await caller.vendorProducts.list(productListInputOf(filters)).catch(() => null);
  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalog, stock and volume discounts."
        actions={
          canEdit ? (
            <Button asChild>
              <Link href="/vendor/products/new">
                <Plus aria-hidden className="size-4" /> Add product
              </Link>
            </Button>
          ) : null
        }
      />
      <ProductsConsole initialFilters={filters} initialPage={firstPage} initialAt={Date.now()} canEdit={canEdit} />
    </>
  );
}

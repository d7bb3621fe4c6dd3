import { roleAllows } from '@pf/domain';
import { Plus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { PromosConsole } from '@/components/vendor-promos/promos-console';
import { parsePromoFilters } from '@/lib/promo-filters';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Promo codes' };

export default async function VendorPromosPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const me = await requireArea('vendor');
  const filters = parsePromoFilters(await searchParams);
  const canEdit = me.activeStore ? roleAllows(me.activeStore.role, 'managePromos') : false;
  // First paint from the server; the table takes over in the browser (a failure here is shown there).
  const caller = await getServerCaller();
  const list = await caller.vendorPromos.list().catch(() => null);
  return (
    <>
      <PageHeader
        title="Promo codes"
        description="Codes buyers enter in their cart for a discount on your part of the order."
        actions={
          canEdit && list && list.items.length > 0 ? (
            <Button asChild>
              <Link href="/vendor/promos/new">
                <Plus aria-hidden className="size-4" /> Create promo code
              </Link>
            </Button>
          ) : null
        }
      />
      <PromosConsole initialFilters={filters} initialList={list} initialAt={Date.now()} canEdit={canEdit} />
    </>
  );
}

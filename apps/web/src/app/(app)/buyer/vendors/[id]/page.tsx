import { isUuid } from '@pf/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BackLink } from '@/components/marketplace/back-link';
import { StorefrontView } from '@/components/marketplace/storefront-view';
import { VendorHeader } from '@/components/marketplace/vendor-identity';
import {
  type BrowseState,
  browseInputOf,
  browseStateToSearch,
  EMPTY_BROWSE_STATE,
  parseBrowseState,
  type SearchParamsRecord,
} from '@/lib/marketplace-query';
import { orNotFound } from '@/lib/marketplace-server';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Vendor storefront' };

export default async function StorefrontPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParamsRecord>;
}) {
  await requireArea('buyer');
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const state: BrowseState = { ...parseBrowseState(await searchParams), vendorId: null };
  const caller = await getServerCaller();
  const load = (s: BrowseState) => orNotFound(caller.browse.storefront({ ...browseInputOf(s), vendorId: id }));
  // Another failure than NOT_FOUND (say, a stale cursor) still shows who the vendor is; the grid explains.
  const exact = await load(state).catch(() => undefined);
  const data = exact === undefined ? await load(EMPTY_BROWSE_STATE) : exact;
  if (!data) notFound();
  return (
    <>
      <BackLink href="/buyer/marketplace">Marketplace</BackLink>
      <VendorHeader vendor={data.vendor} />
      <StorefrontView vendorId={id} initial={exact ? { search: browseStateToSearch(state), data: exact } : null} />
    </>
  );
}

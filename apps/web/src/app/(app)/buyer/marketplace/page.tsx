import type { Metadata } from 'next';
import { MarketplaceView } from '@/components/marketplace/marketplace-view';
import { PageHeader } from '@/components/page-header';
import { browseInputOf, browseStateToSearch, parseBrowseState, type SearchParamsRecord } from '@/lib/marketplace-query';
import { orNothing } from '@/lib/marketplace-server';
import { requireArea } from '@/server/access';
import { getServerCaller } from '@/server/caller';

export const metadata: Metadata = { title: 'Marketplace' };

export default async function MarketplacePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  await requireArea('buyer');
  const state = parseBrowseState(await searchParams);
  const data = await orNothing((await getServerCaller()).browse.products(browseInputOf(state)));
  return (
    <>
      <PageHeader title="Marketplace" description="Products from licensed, verified vendors in your state." />
      <MarketplaceView initial={data ? { search: browseStateToSearch(state), data } : null} />
    </>
  );
}

'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { browseInputOf, browseStateToSearch } from '@/lib/marketplace-query';
import { useTRPC } from '@/lib/trpc';
import { BrowseLayout } from './browse-layout';
import type { BrowseResult, InitialPage } from './types';
import { useBrowseState } from './use-browse-state';

/** The buyer marketplace: every listed product of the buyer's state, filtered by the URL. */
export function MarketplaceView({ initial }: { initial: InitialPage<BrowseResult> | null }) {
  const trpc = useTRPC();
  const controls = useBrowseState();
  const search = browseStateToSearch(controls.state);
  const query = useQuery(
    trpc.browse.products.queryOptions(browseInputOf(controls.state), {
      placeholderData: keepPreviousData,
      initialData: initial?.search === search ? initial.data : undefined,
    }),
  );
  return <BrowseLayout {...controls} query={query} />;
}

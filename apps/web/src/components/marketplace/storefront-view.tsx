'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { browseInputOf, browseStateToSearch } from '@/lib/marketplace-query';
import { useTRPC } from '@/lib/trpc';
import { BrowseLayout } from './browse-layout';
import type { InitialPage, StorefrontResult } from './types';
import { useBrowseState } from './use-browse-state';

/** One vendor's products with the marketplace's search, filters and pages (no vendor facet). */
export function StorefrontView({
  vendorId,
  initial,
}: {
  vendorId: string;
  initial: InitialPage<StorefrontResult> | null;
}) {
  const trpc = useTRPC();
  const controls = useBrowseState();
  const state = { ...controls.state, vendorId: null };
  const search = browseStateToSearch(state);
  const query = useQuery(
    trpc.browse.storefront.queryOptions(
      { ...browseInputOf(state), vendorId },
      { placeholderData: keepPreviousData, initialData: initial?.search === search ? initial.data : undefined },
    ),
  );
  return <BrowseLayout state={state} navigate={controls.navigate} query={query} storefront />;
}

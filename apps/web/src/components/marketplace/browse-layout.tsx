'use client';

import { PackageSearch } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { activeFilterChips } from '@/lib/marketplace-chips';
import {
  type BrowseState,
  browseStateToSearch,
  clearFilters,
  EMPTY_BROWSE_STATE,
  effectiveSortOf,
  withChange,
} from '@/lib/marketplace-query';
import { apiErrorInfo } from '@/lib/trpc';
import { PhoneFilters, productCountText, SortSelect } from './browse-toolbar';
import { FacetSidebar } from './facet-sidebar';
import { FilterChips } from './filter-chips';
import { Pager, ProductGrid, ProductGridSkeleton } from './product-grid';
import { SearchBox } from './search-box';
import type { BrowseQueryView } from './types';
import type { BrowseStateControls } from './use-browse-state';

interface Props extends BrowseStateControls {
  query: BrowseQueryView;
  /** Storefront mode: no vendor facet, no vendor line on the cards, wording about this vendor. */
  storefront?: boolean;
}

const scrollToTop = () => window.scrollTo({ top: 0 });

/** Search, sort, filter sidebar (a sheet on phones), chips, the grid and its pages: shared by marketplace and storefront. */
export function BrowseLayout({ state, navigate, query, storefront = false }: Props) {
  const { data } = query;
  const facets = data?.facets;
  const vendorName = (id: string) => facets?.vendors.find((v) => v.value === id)?.label;
  const chips = activeFilterChips(storefront ? { ...state, vendorId: null } : state, vendorName);
  const error = query.error ? apiErrorInfo(query.error) : null;
  const go = (next: BrowseState) => navigate(next);
  const sidebar = <FacetSidebar state={state} facets={facets} onChange={go} showVendors={!storefront} />;

  const previous = () => {
    if (!data?.prevCursor) return;
    navigate(
      state.page === 2
        ? withChange(state, {})
        : { ...state, cursor: data.prevCursor, backward: true, page: Math.max(1, state.page - 1) },
    );
    scrollToTop();
  };
  const next = () => {
    if (!data?.nextCursor) return;
    navigate({ ...state, cursor: data.nextCursor, backward: false, page: state.page + 1 });
    scrollToTop();
  };
  const filtered = chips.length > 0 || state.q !== '';
  // Which URL the shown results answer, once they do (tests and tools wait on it; absent while loading).
  const settled = data !== undefined && !query.isPlaceholderData && !query.isFetching;

  return (
    <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
      <aside aria-labelledby="filters-heading" className="hidden lg:block">
        <h2 id="filters-heading" className="mb-3 text-sm font-semibold uppercase tracking-wide text-gray-500">
          Filters
        </h2>
        {sidebar}
      </aside>

      <section
        aria-labelledby="results-heading"
        className="@container min-w-0 space-y-4"
        data-testid="results"
        data-results-for={settled ? browseStateToSearch(state) : undefined}
      >
        <h2 id="results-heading" className="sr-only">
          Products
        </h2>
        <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap sm:gap-3">
          <SearchBox
            value={state.q}
            placeholder={storefront ? 'Search this vendor’s products' : undefined}
            onSearch={(q, replace) => navigate(withChange(state, { q, sort: q ? state.sort : null }), { replace })}
          />
          <div className="flex w-full items-center justify-between gap-2 sm:w-auto">
            <PhoneFilters activeCount={chips.length} total={data?.total}>
              {sidebar}
            </PhoneFilters>
            <SortSelect
              value={effectiveSortOf(state)}
              searching={state.q !== ''}
              onChange={(sort) => navigate(withChange(state, { sort }))}
            />
          </div>
        </div>

        <div className="flex min-h-8 flex-wrap items-center gap-x-4 gap-y-2">
          <div className="text-sm font-medium text-gray-900" aria-live="polite" data-testid="result-count">
            {data ? productCountText(data.total) : <Skeleton className="h-4 w-24" />}
          </div>
          <FilterChips chips={chips} onChange={go} onClearAll={() => go(clearFilters({ ...state, q: '' }))} />
        </div>

        {error ? (
          <FormError>
            The products could not be loaded: {error.message}
            {error.requestId ? ` (reference ${error.requestId})` : ''}{' '}
            {state.cursor ? (
              <Button variant="link" onClick={() => go(withChange(state, {}))}>
                Start from the first page
              </Button>
            ) : null}
          </FormError>
        ) : null}

        {!data && query.isPending ? (
          <ProductGridSkeleton />
        ) : data && data.items.length > 0 ? (
          <>
            <ProductGrid
              items={data.items}
              busy={query.isPlaceholderData && query.isFetching}
              showVendor={!storefront}
            />
            <Pager
              page={state.page}
              hasPrevious={Boolean(data.prevCursor)}
              hasNext={Boolean(data.nextCursor)}
              onPrevious={previous}
              onNext={next}
            />
          </>
        ) : data ? (
          <EmptyState
            icon={PackageSearch}
            title={filtered ? 'No products match' : 'No products yet'}
            action={
              filtered ? (
                <Button variant="secondary" onClick={() => go({ ...EMPTY_BROWSE_STATE, sort: null })}>
                  Clear filters
                </Button>
              ) : null
            }
          >
            {filtered
              ? 'Nothing fits this search and these filters. Remove a filter or clear them all.'
              : storefront
                ? 'This vendor has no products listed for your state yet.'
                : 'Products from licensed, verified vendors in your state appear here as soon as they list them.'}
          </EmptyState>
        ) : null}
      </section>
    </div>
  );
}

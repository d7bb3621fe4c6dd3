'use client';

import type { VendorProductPage, VendorProductSort } from '@pf/domain';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Package, Plus, SearchX } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import { formatCount } from '@/lib/catalog-format';
import { countOf, PRODUCT } from '@/lib/plural';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { useDebounced } from '@/lib/use-debounced';
import { useUrlFilters } from '@/lib/use-url-filters';
import {
  DEFAULT_PRODUCT_FILTERS,
  hasNarrowingFilters,
  type ProductFilters,
  productFiltersToSearch,
  productListInputOf,
} from '@/lib/vendor-products-filters';
import { productColumns } from './products-columns';
import { ProductsFilters } from './products-filters';
import { ProductsTable } from './products-table';

interface Props {
  initialFilters: ProductFilters;
  /** The first page for `initialFilters`, rendered on the server for the first paint. */
  initialPage: VendorProductPage | null;
  /** When the server read it, so the client does not fetch the same page again at once. */
  initialAt: number;
  canEdit: boolean;
}

/** The vendor's catalog: filters in the URL, server-side sort, keyset pages behind "Load more". */
export function ProductsConsole({ initialFilters, initialPage, initialAt, canEdit }: Props) {
  const trpc = useTRPC();
  const [filters, change] = useUrlFilters(initialFilters, (next) => `/vendor/products${productFiltersToSearch(next)}`);
  const q = useDebounced(filters.q);
  const applied = { ...filters, q };
  const input = productListInputOf(applied);
  const isInitial = productFiltersToSearch(applied) === productFiltersToSearch(initialFilters);
  const list = useInfiniteQuery(
    trpc.vendorProducts.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
      staleTime: 10_000,
      ...(isInitial && initialPage
        ? { initialData: { pages: [initialPage], pageParams: [null] }, initialDataUpdatedAt: initialAt }
        : {}),
    }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const onSort = (sort: VendorProductSort) => change({ ...filters, sort });
  // biome-ignore lint/correctness/useExhaustiveDependencies: columns depend on the sort; `change` reads fresh state
  const columns = useMemo(() => productColumns({ sort: filters.sort, onSort, canEdit }), [filters, canEdit]);

  const empty = hasNarrowingFilters(applied) ? (
    <EmptyState
      icon={SearchX}
      title="No products match"
      action={
        <Button variant="secondary" onClick={() => change({ ...DEFAULT_PRODUCT_FILTERS, sort: filters.sort })}>
          Clear filters
        </Button>
      }
    >
      Nothing in your catalog matches these filters.
    </EmptyState>
  ) : (
    <EmptyState
      icon={Package}
      title="No products yet"
      action={
        canEdit ? (
          <Button asChild>
            <Link href="/vendor/products/new">
              <Plus aria-hidden className="size-4" /> Add product
            </Link>
          </Button>
        ) : null
      }
    >
      Your listings live here: price, volume discounts, photos, lab results and stock. Buyers in your state see the
      active ones once your store is verified.
    </EmptyState>
  );

  const error = list.isError ? apiErrorInfo(list.error) : null;
  // An empty catalog needs no filters or column headers, only the way to start it.
  if (list.isSuccess && items.length === 0 && !hasNarrowingFilters(applied)) return empty;
  return (
    <div className="space-y-4">
      <ProductsFilters filters={filters} onChange={change} />
      {error ? (
        <FormError>
          Your products could not be loaded: {error.message}
          {error.requestId ? ` (reference ${error.requestId})` : ''}
        </FormError>
      ) : null}
      <ProductsTable
        columns={columns}
        data={items}
        sort={applied.sort}
        loading={list.isPending}
        empty={empty}
        footer={
          items.length > 0 ? (
            <LoadMoreFooter query={list} countTestId="products-count">
              Showing {formatCount(items.length)} of {countOf(total, PRODUCT)}
            </LoadMoreFooter>
          ) : null
        }
      />
    </div>
  );
}

'use client';

import type { PromoListDto } from '@pf/domain';
import { useQuery } from '@tanstack/react-query';
import { Plus, SearchX, TicketPercent } from 'lucide-react';
import Link from 'next/link';
import { useMemo } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import { FilterSelect } from '@/components/ui/filter-select';
import { SelectOptions } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { formatCount } from '@/lib/catalog-format';
import { DEFAULT_PROMO_FILTERS, filterPromos, type PromoFilters, promoFiltersToSearch } from '@/lib/promo-filters';
import { PROMO_STATUS_LABELS, PROMO_STATUSES, promoStatusOf } from '@/lib/promo-format';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { filterSetter, useUrlFilters } from '@/lib/use-url-filters';
import { type PromoRow, promoColumns, promoHref } from './promos-columns';

interface Props {
  initialFilters: PromoFilters;
  /** The list as the server read it for the first paint (null when that read failed: shown here). */
  initialList: PromoListDto | null;
  initialAt: number;
  canEdit: boolean;
}

const STATUS_OPTIONS = Object.fromEntries(PROMO_STATUSES.map((status) => [status, PROMO_STATUS_LABELS[status].label]));

function CreateButton() {
  return (
    <Button asChild>
      <Link href="/vendor/promos/new">
        <Plus aria-hidden className="size-4" /> Create promo code
      </Link>
    </Button>
  );
}

/** The vendor's promo codes: the whole list (tens of codes) filtered here, search and status kept in the URL. */
export function PromosConsole({ initialFilters, initialList, initialAt, canEdit }: Props) {
  const trpc = useTRPC();
  const [filters, change] = useUrlFilters(initialFilters, (next) => `/vendor/promos${promoFiltersToSearch(next)}`);
  const set = filterSetter(filters, change);
  const list = useQuery(
    trpc.vendorPromos.list.queryOptions(undefined, {
      staleTime: 10_000,
      ...(initialList ? { initialData: initialList, initialDataUpdatedAt: initialAt } : {}),
    }),
  );
  const now = new Date(list.dataUpdatedAt || initialAt);
  const rows: PromoRow[] = (list.data?.items ?? []).map((promo) => ({ ...promo, status: promoStatusOf(promo, now) }));
  const shown = filterPromos(rows, filters, now);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the columns read `now` only through the rows' time
  const columns = useMemo(() => promoColumns({ canEdit, now }), [canEdit, list.dataUpdatedAt]);

  const error = list.isError ? apiErrorInfo(list.error) : null;
  if (list.isSuccess && rows.length === 0) {
    return (
      <EmptyState icon={TicketPercent} title="No promo codes yet" action={canEdit ? <CreateButton /> : null}>
        Codes your buyers enter in their cart for a percentage or a fixed amount off your part of the order, with an
        optional minimum subtotal, usage limit and end date.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SearchInput
          label="Search promo codes"
          placeholder="Search codes"
          value={filters.q}
          maxLength={32}
          onChange={(event) => set('q', event.target.value)}
        />
        <FilterSelect label="Status" value={filters.status} onChange={(status) => set('status', status)}>
          <option value="">All statuses</option>
          <SelectOptions
            values={PROMO_STATUSES}
            labels={STATUS_OPTIONS as Record<(typeof PROMO_STATUSES)[number], string>}
          />
        </FilterSelect>
      </div>
      {error ? (
        <FormError>
          Your promo codes could not be loaded: {error.message}
          {error.requestId ? ` (reference ${error.requestId})` : ''}
        </FormError>
      ) : null}
      <DataTable
        caption="Your promo codes"
        columns={columns}
        data={shown}
        getRowId={(row) => row.id}
        rowHref={promoHref}
        loading={list.isPending}
        rowTestId="promo-row"
        rowProps={(row) => ({ 'data-status': row.status })}
        skeletonRows={4}
        compactOnPhones
        empty={
          <EmptyState
            icon={SearchX}
            title="No promo codes match"
            action={
              <Button variant="secondary" onClick={() => change(DEFAULT_PROMO_FILTERS)}>
                Clear filters
              </Button>
            }
          >
            None of your codes match these filters.
          </EmptyState>
        }
        footer={
          rows.length > 0 ? (
            <p className="text-sm text-gray-600" data-testid="promos-count">
              Showing {formatCount(shown.length)} of {formatCount(rows.length)} {rows.length === 1 ? 'code' : 'codes'}
            </p>
          ) : null
        }
      />
    </div>
  );
}

'use client';

import type { BrowseSort } from '@pf/domain';
import { SlidersHorizontal } from 'lucide-react';
import { type ReactNode, useId } from 'react';
import { Button } from '@/components/ui/button';
import { Select, SelectOptions } from '@/components/ui/input';
import { Sheet, SheetClose, SheetContent, SheetTrigger } from '@/components/ui/sheet';
import { SORT_LABELS } from '@/lib/marketplace-chips';
import { countOf, PRODUCT } from '@/lib/plural';

/** Relevance only means something for a search, so it is offered only then. */
export function SortSelect({
  value,
  searching,
  onChange,
}: {
  value: BrowseSort;
  searching: boolean;
  onChange: (sort: BrowseSort) => void;
}) {
  const id = useId();
  const sorts: BrowseSort[] = searching
    ? ['relevance', 'newest', 'price_asc', 'price_desc']
    : ['newest', 'price_asc', 'price_desc'];
  return (
    <div className="flex shrink-0 items-center gap-2">
      <label htmlFor={id} className="hidden text-sm font-medium text-gray-700 sm:block">
        Sort by
      </label>
      <Select
        id={id}
        aria-label="Sort by"
        value={value}
        onChange={(event) => onChange(event.target.value as BrowseSort)}
        className="w-auto min-w-0"
      >
        <SelectOptions values={sorts} labels={SORT_LABELS} />
      </Select>
    </div>
  );
}

export const productCountText = (total: number) => countOf(total, PRODUCT);

/** Below the desktop breakpoint the sidebar lives in a sheet behind a "Filters" button. */
export function PhoneFilters({
  activeCount,
  total,
  children,
}: {
  activeCount: number;
  total: number | undefined;
  children: ReactNode;
}) {
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="secondary" className="shrink-0 lg:hidden">
          <SlidersHorizontal className="h-4 w-4" aria-hidden />
          Filters
          {activeCount > 0 ? (
            <span className="rounded-full bg-brand-700 px-1.5 text-xs text-white">
              {activeCount}
              <span className="sr-only"> active</span>
            </span>
          ) : null}
        </Button>
      </SheetTrigger>
      <SheetContent
        title="Filters"
        footer={
          <SheetClose asChild>
            <Button className="w-full" size="lg">
              {total === undefined ? 'Show products' : `Show ${productCountText(total)}`}
            </Button>
          </SheetClose>
        }
      >
        {children}
      </SheetContent>
    </Sheet>
  );
}

'use client';

import { PRODUCT_CATEGORIES, VENDOR_PRODUCT_SORTS } from '@pf/domain';
import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { FilterSelect } from '@/components/ui/filter-select';
import { SelectOptions } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { CATEGORY_LABELS } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';
import { filterSetter } from '@/lib/use-url-filters';
import { type ProductFilters, SORT_LABELS } from '@/lib/vendor-products-filters';

interface Props {
  filters: ProductFilters;
  onChange: (next: ProductFilters) => void;
}

/** Search over titles and SKUs, category, status, the low-stock switch and the sort, all kept in the URL. */
export function ProductsFilters({ filters, onChange }: Props) {
  const lowId = useId();
  const set = filterSetter(filters, onChange);
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,0.9fr)_minmax(0,1.3fr)_auto]">
      <SearchInput
        label="Search products by name or SKU"
        wrapperClassName="col-span-2 lg:col-span-1"
        placeholder="Search name or SKU"
        value={filters.q}
        onChange={(event) => set('q', event.target.value)}
      />
      <FilterSelect label="Category" value={filters.category} onChange={(category) => set('category', category)}>
        <option value="">All categories</option>
        <SelectOptions values={PRODUCT_CATEGORIES} labels={CATEGORY_LABELS} />
      </FilterSelect>
      <FilterSelect label="Status" value={filters.status} onChange={(status) => set('status', status)}>
        <option value="">All statuses</option>
        <option value="active">Active</option>
        <option value="inactive">Inactive</option>
      </FilterSelect>
      {/* Sort and the low-stock switch share a row on phones; on wide screens they are grid cells. */}
      <div className="col-span-2 flex gap-3 lg:contents">
        <FilterSelect
          label="Sort by"
          value={filters.sort}
          onChange={(sort) => set('sort', sort)}
          className="min-w-0 flex-1"
        >
          <SelectOptions values={VENDOR_PRODUCT_SORTS} labels={SORT_LABELS} />
        </FilterSelect>
        <label
          htmlFor={lowId}
          className={cn(
            'flex h-10 cursor-pointer items-center gap-2 whitespace-nowrap rounded-md border px-3 text-sm font-medium focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-brand-600',
            filters.lowStockOnly
              ? 'border-amber-300 bg-amber-50 text-amber-900'
              : 'border-gray-300 bg-white text-gray-800 hover:bg-gray-50',
          )}
        >
          <input
            id={lowId}
            type="checkbox"
            checked={filters.lowStockOnly}
            onChange={(event) => set('lowStockOnly', event.target.checked)}
            className="size-4 accent-amber-600"
          />
          <TriangleAlert aria-hidden className="size-4" />
          <span>
            Low stock<span className="sr-only sm:not-sr-only"> only</span>
          </span>
        </label>
      </div>
    </div>
  );
}

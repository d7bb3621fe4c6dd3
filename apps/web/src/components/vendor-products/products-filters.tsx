'use client';

import { PRODUCT_CATEGORIES, VENDOR_PRODUCT_SORTS, type VendorProductSort } from '@pf/domain';
import { TriangleAlert } from 'lucide-react';
import { useId } from 'react';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import { CATEGORY_LABELS } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';
import { type ProductFilters, SORT_LABELS } from '@/lib/vendor-products-filters';

interface Props {
  filters: ProductFilters;
  onChange: (next: ProductFilters) => void;
}

/** Search over titles and SKUs, category, status, the low-stock switch and the sort, all kept in the URL. */
export function ProductsFilters({ filters, onChange }: Props) {
  const lowId = useId();
  const set = <K extends keyof ProductFilters>(key: K, value: ProductFilters[K]) =>
    onChange({ ...filters, [key]: value });
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_minmax(0,0.9fr)_minmax(0,1.3fr)_auto]">
      <SearchInput
        label="Search products by name or SKU"
        wrapperClassName="col-span-2 lg:col-span-1"
        placeholder="Search name or SKU"
        value={filters.q}
        onChange={(event) => set('q', event.target.value)}
      />
      <Field label="Category" hideLabel>
        <Select
          value={filters.category}
          onChange={(event) => set('category', event.target.value as ProductFilters['category'])}
        >
          <option value="">All categories</option>
          {PRODUCT_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Status" hideLabel>
        <Select
          value={filters.status}
          onChange={(event) => set('status', event.target.value as ProductFilters['status'])}
        >
          <option value="">All statuses</option>
          <option value="active">Active</option>
          <option value="inactive">Inactive</option>
        </Select>
      </Field>
      {/* Sort and the low-stock switch share a row on phones; on wide screens they are grid cells. */}
      <div className="col-span-2 flex gap-3 lg:contents">
        <Field label="Sort by" hideLabel className="min-w-0 flex-1">
          <Select value={filters.sort} onChange={(event) => set('sort', event.target.value as VendorProductSort)}>
            {VENDOR_PRODUCT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </Select>
        </Field>
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

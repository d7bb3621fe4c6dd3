'use client';

import { LICENSE_STATUSES } from '@pf/domain';
import { FilterSelect } from '@/components/ui/filter-select';
import { SearchInput } from '@/components/ui/search-input';
import type { QueueFilters } from '@/lib/license-queue';
import { LICENSE_STATUS } from '@/lib/licenses';
import { STATE_OPTIONS } from '@/lib/us-states';
import { filterSetter } from '@/lib/use-url-filters';

interface Props {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
}

/** Status (pending by default), store type, issuing state and a search over store names and numbers. */
export function LicenseQueueFilters({ filters, onChange }: Props) {
  const set = filterSetter(filters, onChange);
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
      <SearchInput
        label="Search stores and license numbers"
        wrapperClassName="sm:col-span-3 lg:col-span-1"
        placeholder="Search store or license number"
        value={filters.search}
        onChange={(event) => set('search', event.target.value)}
      />
      <FilterSelect label="Status" value={filters.status} onChange={(status) => set('status', status)}>
        {LICENSE_STATUSES.map((status) => (
          <option key={status} value={status}>
            {LICENSE_STATUS[status].label}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect label="Store type" value={filters.storeType} onChange={(type) => set('storeType', type)}>
        <option value="">Buyers and vendors</option>
        <option value="buyer">Buyers</option>
        <option value="vendor">Vendors</option>
      </FilterSelect>
      <FilterSelect label="Issuing state" value={filters.issuingState} onChange={(state) => set('issuingState', state)}>
        <option value="">All states</option>
        {STATE_OPTIONS.map((state) => (
          <option key={state.code} value={state.code}>
            {state.name}
          </option>
        ))}
      </FilterSelect>
    </div>
  );
}

'use client';

import { LICENSE_STATUSES } from '@pf/domain';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/input';
import { SearchInput } from '@/components/ui/search-input';
import type { QueueFilters } from '@/lib/license-queue';
import { LICENSE_STATUS } from '@/lib/licenses';
import { STATE_OPTIONS } from '@/lib/us-states';

interface Props {
  filters: QueueFilters;
  onChange: (next: QueueFilters) => void;
}

/** Status (pending by default), store type, issuing state and a search over store names and numbers. */
export function LicenseQueueFilters({ filters, onChange }: Props) {
  const set = <K extends keyof QueueFilters>(key: K, value: QueueFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-[minmax(0,2fr)_repeat(3,minmax(0,1fr))]">
      <SearchInput
        label="Search stores and license numbers"
        wrapperClassName="sm:col-span-3 lg:col-span-1"
        placeholder="Search store or license number"
        value={filters.search}
        onChange={(event) => set('search', event.target.value)}
      />
      <Field label="Status" hideLabel>
        <Select
          value={filters.status}
          onChange={(event) => set('status', event.target.value as QueueFilters['status'])}
        >
          {LICENSE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {LICENSE_STATUS[status].label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Store type" hideLabel>
        <Select
          value={filters.storeType}
          onChange={(event) => set('storeType', event.target.value as QueueFilters['storeType'])}
        >
          <option value="">Buyers and vendors</option>
          <option value="buyer">Buyers</option>
          <option value="vendor">Vendors</option>
        </Select>
      </Field>
      <Field label="Issuing state" hideLabel>
        <Select
          value={filters.issuingState}
          onChange={(event) => set('issuingState', event.target.value as QueueFilters['issuingState'])}
        >
          <option value="">All states</option>
          {STATE_OPTIONS.map((state) => (
            <option key={state.code} value={state.code}>
              {state.name}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

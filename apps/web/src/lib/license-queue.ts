import { LICENSE_STATUSES, type LicenseStatus, STORE_TYPES, type StoreType, US_STATE_CODES } from '@pf/domain';

type StateCode = (typeof US_STATE_CODES)[number];

/** The admin queue's filters as they live in the URL, so Back from a license returns to the same view. */
export interface QueueFilters {
  status: LicenseStatus;
  storeType: StoreType | '';
  issuingState: StateCode | '';
  search: string;
}

export const DEFAULT_QUEUE_FILTERS: QueueFilters = { status: 'pending', storeType: '', issuingState: '', search: '' };

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Unknown or malformed parameters fall back to the defaults rather than failing the page. */
export function parseQueueFilters(params: Record<string, string | string[] | undefined>): QueueFilters {
  const search = typeof params.q === 'string' ? params.q.slice(0, 100) : '';
  return {
    status: oneOf(LICENSE_STATUSES, params.status) ?? 'pending',
    storeType: oneOf(STORE_TYPES, params.type) ?? '',
    issuingState: oneOf(US_STATE_CODES, params.state) ?? '',
    search,
  };
}

export function queueFiltersToSearch(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== 'pending') params.set('status', filters.status);
  if (filters.storeType) params.set('type', filters.storeType);
  if (filters.issuingState) params.set('state', filters.issuingState);
  if (filters.search.trim()) params.set('q', filters.search.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The queue procedure's input: empty filters are left out. */
export const queueInputOf = (filters: QueueFilters) => ({
  status: filters.status,
  ...(filters.storeType ? { storeType: filters.storeType } : {}),
  ...(filters.issuingState ? { issuingState: filters.issuingState } : {}),
  ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
});

export const hasNarrowingFilters = (filters: QueueFilters) =>
  Boolean(filters.storeType || filters.issuingState || filters.search.trim());

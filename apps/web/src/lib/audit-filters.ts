import { isUuid } from '@pf/domain';

/** The audit browser's filters as they live in the URL (`/admin/audit?entityType=license&entityId=…`). */
export interface AuditFilters {
  entityType: string;
  entityId: string;
  storeId: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = { entityType: '', entityId: '', storeId: '' };

/** Store ids typed into the filter may carry stray spaces. */
export const isStoreId = (value: string) => isUuid(value.trim());

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.trim().slice(0, max) : '');

export function parseAuditFilters(params: Record<string, string | string[] | undefined>): AuditFilters {
  return {
    entityType: text(params.entityType, 40),
    entityId: text(params.entityId, 64),
    storeId: text(params.storeId, 36),
  };
}

export function auditFiltersToSearch(filters: AuditFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The list procedure's input; a store id that is not a UUID yet (still being typed) is left out. */
export const auditInputOf = (filters: AuditFilters) => ({
  ...(filters.entityType ? { entityType: filters.entityType } : {}),
  ...(filters.entityId.trim() ? { entityId: filters.entityId.trim() } : {}),
  ...(isStoreId(filters.storeId) ? { storeId: filters.storeId.trim() } : {}),
  limit: 50,
});

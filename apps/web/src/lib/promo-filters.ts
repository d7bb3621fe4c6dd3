import type { PromoDto } from '@pf/domain';
import { PROMO_STATUSES, type PromoStatus, promoStatusOf } from './promo-format';

/** The promo table's view as it lives in the URL (`?q=SPRING&status=active`). */
export interface PromoFilters {
  q: string;
  status: PromoStatus | '';
}

export const DEFAULT_PROMO_FILTERS: PromoFilters = { q: '', status: '' };

/** Unknown or malformed parameters fall back to the defaults rather than failing the page. */
export function parsePromoFilters(params: Record<string, string | string[] | undefined>): PromoFilters {
  const status = params.status;
  return {
    q: typeof params.q === 'string' ? params.q.slice(0, 32) : '',
    status:
      typeof status === 'string' && (PROMO_STATUSES as readonly string[]).includes(status)
        ? (status as PromoStatus)
        : '',
  };
}

export function promoFiltersToSearch(filters: PromoFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.status) params.set('status', filters.status);
  const query = params.toString();
  return query ? `?${query}` : '';
}

export const hasPromoFilters = (filters: PromoFilters) => Boolean(filters.q.trim() || filters.status);

/**
 * The rows the filters keep. A vendor has tens of codes (the API lists up to 500), so the whole list is loaded
 * once and filtered here: codes match case-insensitively anywhere in the code.
 */
export function filterPromos<T extends PromoDto>(promos: readonly T[], filters: PromoFilters, now: Date): T[] {
  const q = filters.q.trim().toUpperCase();
  return promos.filter(
    (promo) =>
      (!q || promo.code.toUpperCase().includes(q)) && (!filters.status || promoStatusOf(promo, now) === filters.status),
  );
}

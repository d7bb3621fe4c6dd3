import { PRODUCT_CATEGORIES, type ProductCategory, VENDOR_PRODUCT_SORTS, type VendorProductSort } from '@pf/domain';

/** The catalog table's view as it lives in the URL, so Back from a product returns to the same rows. */
export interface ProductFilters {
  q: string;
  category: ProductCategory | '';
  status: 'active' | 'inactive' | '';
  lowStockOnly: boolean;
  sort: VendorProductSort;
}

export const DEFAULT_PRODUCT_FILTERS: ProductFilters = {
  q: '',
  category: '',
  status: '',
  lowStockOnly: false,
  sort: 'newest',
};

export const SORT_LABELS: Record<VendorProductSort, string> = {
  newest: 'Newest first',
  title_asc: 'Name: A–Z',
  title_desc: 'Name: Z–A',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
  stock_asc: 'Stock: low to high',
  stock_desc: 'Stock: high to low',
};

/** The columns whose header sorts the table, with their ascending and descending sorts. */
export const SORTABLE_COLUMNS = {
  title: { asc: 'title_asc', desc: 'title_desc' },
  price: { asc: 'price_asc', desc: 'price_desc' },
  available: { asc: 'stock_asc', desc: 'stock_desc' },
} as const satisfies Record<string, { asc: VendorProductSort; desc: VendorProductSort }>;
export type SortableColumn = keyof typeof SORTABLE_COLUMNS;

/** How the table is sorted by this column, if it is. */
export function sortDirectionOf(sort: VendorProductSort, column: SortableColumn): 'ascending' | 'descending' | null {
  const sorts = SORTABLE_COLUMNS[column];
  if (sort === sorts.asc) return 'ascending';
  if (sort === sorts.desc) return 'descending';
  return null;
}

/** A header click: ascending first (titles) or as the column reads best, then flips. */
export function nextSortFor(sort: VendorProductSort, column: SortableColumn): VendorProductSort {
  const sorts = SORTABLE_COLUMNS[column];
  return sort === sorts.asc ? sorts.desc : sorts.asc;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** Unknown or malformed parameters fall back to the defaults rather than failing the page. */
export function parseProductFilters(params: Record<string, string | string[] | undefined>): ProductFilters {
  return {
    q: typeof params.q === 'string' ? params.q.slice(0, 100) : '',
    category: oneOf(PRODUCT_CATEGORIES, params.category) ?? '',
    status: oneOf(['active', 'inactive'] as const, params.status) ?? '',
    lowStockOnly: params.low === '1',
    sort: oneOf(VENDOR_PRODUCT_SORTS, params.sort) ?? 'newest',
  };
}

export function productFiltersToSearch(filters: ProductFilters): string {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.category) params.set('category', filters.category);
  if (filters.status) params.set('status', filters.status);
  if (filters.lowStockOnly) params.set('low', '1');
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The list procedure's input: empty filters are left out (the cursor is added by the infinite query). */
export const productListInputOf = (filters: ProductFilters) => ({
  sort: filters.sort,
  ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
  ...(filters.category ? { category: filters.category } : {}),
  ...(filters.status ? { status: filters.status } : {}),
  ...(filters.lowStockOnly ? { lowStockOnly: true } : {}),
});

/** Filters that narrow the catalog (sorting does not). */
export const hasNarrowingFilters = (filters: ProductFilters) =>
  Boolean(filters.q.trim() || filters.category || filters.status || filters.lowStockOnly);

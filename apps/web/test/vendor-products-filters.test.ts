import { listVendorProductsInput, PRODUCT_CATEGORIES, VENDOR_PRODUCT_SORTS } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PRODUCT_FILTERS,
  hasNarrowingFilters,
  nextSortFor,
  type ProductFilters,
  parseProductFilters,
  productFiltersToSearch,
  productListInputOf,
  SORT_LABELS,
  SORTABLE_COLUMNS,
  type SortableColumn,
  sortDirectionOf,
} from '@/lib/vendor-products-filters';

/** The page receives its search params as Next's plain record. */
const fromSearch = (search: string) => parseProductFilters(Object.fromEntries(new URLSearchParams(search)));

const COLUMNS = Object.keys(SORTABLE_COLUMNS) as SortableColumn[];

describe('URL ⇄ filters', () => {
  it('the default view has no query string and parses back to the defaults', () => {
    expect(productFiltersToSearch(DEFAULT_PRODUCT_FILTERS)).toBe('');
    expect(parseProductFilters({})).toEqual(DEFAULT_PRODUCT_FILTERS);
  });

  it('round trips every field together', () => {
    const filters: ProductFilters = {
      q: 'blue dream',
      category: 'pre_roll',
      status: 'inactive',
      lowStockOnly: true,
      sort: 'stock_asc',
    };
    const search = productFiltersToSearch(filters);
    expect(fromSearch(search)).toEqual(filters);
  });

  it.each<[string, Partial<ProductFilters>]>([
    ['q', { q: 'gummies & more' }],
    ['category', { category: 'edible' }],
    ['status', { status: 'active' }],
    ['low', { lowStockOnly: true }],
    ['sort', { sort: 'price_desc' }],
  ])('round trips %s on its own', (name, patch) => {
    const filters = { ...DEFAULT_PRODUCT_FILTERS, ...patch };
    const search = productFiltersToSearch(filters);
    expect(new URLSearchParams(search).has(name)).toBe(true);
    expect(fromSearch(search)).toEqual(filters);
  });

  it.each(PRODUCT_CATEGORIES)('round trips category %s', (category) => {
    const filters = { ...DEFAULT_PRODUCT_FILTERS, category };
    expect(fromSearch(productFiltersToSearch(filters))).toEqual(filters);
  });

  it.each(VENDOR_PRODUCT_SORTS)('round trips sort %s', (sort) => {
    const filters = { ...DEFAULT_PRODUCT_FILTERS, sort };
    expect(fromSearch(productFiltersToSearch(filters))).toEqual(filters);
    expect(SORT_LABELS[sort]).toBeTruthy();
  });

  it('does not put a blank search in the URL', () => {
    expect(productFiltersToSearch({ ...DEFAULT_PRODUCT_FILTERS, q: '   ' })).toBe('');
    expect(productFiltersToSearch({ ...DEFAULT_PRODUCT_FILTERS, q: '  kush ' })).toBe('?q=kush');
  });

  it('falls back to the defaults for unknown or malformed parameters', () => {
    expect(fromSearch('?category=weed&status=deleted&low=yes&sort=random')).toEqual(DEFAULT_PRODUCT_FILTERS);
    expect(parseProductFilters({ q: ['a', 'b'], category: ['flower', 'edible'], sort: ['title_asc'] })).toEqual(
      DEFAULT_PRODUCT_FILTERS,
    );
  });

  it('caps the search text so the list procedure accepts it', () => {
    const filters = fromSearch(`?q=${'a'.repeat(300)}`);
    expect(filters.q.length).toBeLessThanOrEqual(100);
    expect(listVendorProductsInput.safeParse(productListInputOf(filters)).success).toBe(true);
  });
});

describe('column sorting', () => {
  it.each(COLUMNS)('clicking %s sorts by it, and clicking again flips the direction', (column) => {
    // Start from a sort on no column (newest) and from a sort on another column.
    const others = COLUMNS.filter((c) => c !== column).map((c) => SORTABLE_COLUMNS[c].desc);
    for (const start of ['newest' as const, ...others]) {
      expect(sortDirectionOf(start, column)).toBeNull();
      const first = nextSortFor(start, column);
      const direction = sortDirectionOf(first, column);
      expect(direction).not.toBeNull();
      const second = nextSortFor(first, column);
      const flipped = sortDirectionOf(second, column);
      expect(flipped).not.toBeNull();
      expect(flipped).not.toBe(direction);
      expect(nextSortFor(second, column)).toBe(first);
      // Only the clicked column reads as sorted.
      for (const other of COLUMNS.filter((c) => c !== column)) {
        expect(sortDirectionOf(first, other)).toBeNull();
        expect(sortDirectionOf(second, other)).toBeNull();
      }
    }
  });

  it('names start A–Z on the first click', () => {
    expect(nextSortFor('newest', 'title')).toBe('title_asc');
    expect(sortDirectionOf('title_asc', 'title')).toBe('ascending');
    expect(nextSortFor('title_asc', 'title')).toBe('title_desc');
    expect(sortDirectionOf('title_desc', 'title')).toBe('descending');
  });

  it('the directions match the sort names', () => {
    expect(sortDirectionOf('price_asc', 'price')).toBe('ascending');
    expect(sortDirectionOf('price_desc', 'price')).toBe('descending');
    expect(sortDirectionOf('stock_asc', 'available')).toBe('ascending');
    expect(sortDirectionOf('stock_desc', 'available')).toBe('descending');
    expect(sortDirectionOf('newest', 'price')).toBeNull();
  });

  it('every column sort is a sort the list procedure accepts', () => {
    for (const column of COLUMNS) {
      for (const sort of Object.values(SORTABLE_COLUMNS[column])) {
        expect(VENDOR_PRODUCT_SORTS).toContain(sort);
      }
    }
  });
});

describe('productListInputOf', () => {
  const cases: ProductFilters[] = [
    DEFAULT_PRODUCT_FILTERS,
    { q: '  kush  ', category: 'flower', status: 'active', lowStockOnly: true, sort: 'title_desc' },
    { ...DEFAULT_PRODUCT_FILTERS, q: '   ' },
    { ...DEFAULT_PRODUCT_FILTERS, status: 'inactive', sort: 'stock_asc' },
  ];

  it.each(cases)('is accepted by the list procedure (%o)', (filters) => {
    const input = productListInputOf(filters);
    const parsed = listVendorProductsInput.safeParse(input);
    expect(parsed.error?.issues ?? []).toEqual([]);
    // The infinite query adds the page size and the cursor.
    expect(
      listVendorProductsInput.safeParse({ ...input, limit: 25, cursor: 'abc', direction: 'forward' }).success,
    ).toBe(true);
  });

  it('asks for what the filters say, leaving empty filters out', () => {
    expect(productListInputOf(DEFAULT_PRODUCT_FILTERS)).toEqual({ sort: 'newest' });
    const parsed = listVendorProductsInput.parse(
      productListInputOf({ q: ' kush ', category: 'vape', status: 'inactive', lowStockOnly: true, sort: 'price_asc' }),
    );
    expect(parsed).toMatchObject({
      q: 'kush',
      category: 'vape',
      status: 'inactive',
      lowStockOnly: true,
      sort: 'price_asc',
    });
  });

  it('a URL read back gives the same list input as the filters it came from', () => {
    const filters: ProductFilters = {
      q: 'og',
      category: 'cart',
      status: 'active',
      lowStockOnly: true,
      sort: 'title_asc',
    };
    expect(productListInputOf(fromSearch(productFiltersToSearch(filters)))).toEqual(productListInputOf(filters));
  });
});

describe('hasNarrowingFilters', () => {
  it('sorting does not narrow, every filter does', () => {
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, sort: 'price_desc' })).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, q: '  ' })).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, q: 'a' })).toBe(true);
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, category: 'seed' })).toBe(true);
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, status: 'active' })).toBe(true);
    expect(hasNarrowingFilters({ ...DEFAULT_PRODUCT_FILTERS, lowStockOnly: true })).toBe(true);
  });
});

import { BROWSE_SORTS, browseProductsInput, CLASSIFICATIONS, PRODUCT_CATEGORIES } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import {
  type BrowseState,
  browseInputOf,
  browseStateToSearch,
  clearFilters,
  EMPTY_BROWSE_STATE,
  effectiveSortOf,
  hasFilters,
  parseBrowseState,
  parsePercent,
  withChange,
} from '@/lib/marketplace-query';

const VENDOR = '3f2b8c1e-9a4d-4e7b-8c21-5d6e7f809a1b';

/** Parses a query string the way the page does (both forms the app passes in). */
const fromSearch = (search: string) => parseBrowseState(new URLSearchParams(search));
const fromRecord = (search: string) => parseBrowseState(Object.fromEntries(new URLSearchParams(search)));

const expectApiAccepts = (state: BrowseState) => {
  const result = browseProductsInput.safeParse(browseInputOf(state));
  expect(result.error?.issues ?? []).toEqual([]);
  expect(result.success).toBe(true);
};

/** A state with every field set away from its default (categories in their canonical order). */
const FULL: BrowseState = {
  q: 'blue dream',
  categories: ['flower', 'edible'],
  classifications: ['hybrid', 'indica'],
  vendorId: VENDOR,
  thcMin: 18.5,
  thcMax: 30,
  cbdMin: 0,
  cbdMax: 2.25,
  priceMinCents: 1000,
  priceMaxCents: 2550,
  hasVolumeDiscount: true,
  inStock: true,
  sort: 'price_asc',
  cursor: 'eyJpZCI6IjEyMyJ9_-x',
  backward: true,
  page: 3,
};

describe('URL → state → URL', () => {
  it('the default view has an empty query string and parses back to the empty state', () => {
    expect(browseStateToSearch(EMPTY_BROWSE_STATE)).toBe('');
    expect(fromSearch('')).toEqual(EMPTY_BROWSE_STATE);
    expect(hasFilters(EMPTY_BROWSE_STATE)).toBe(false);
  });

  it('a state with every field set survives the round trip through the URL', () => {
    const search = browseStateToSearch(FULL);
    expect(fromSearch(search)).toEqual(FULL);
    // Next hands the server page a plain record rather than URLSearchParams.
    expect(fromRecord(search)).toEqual(FULL);
  });

  it('reads the documented URL shape field by field', () => {
    const state = fromSearch(
      `?q=blue&category=flower,edible&class=indica&vendor=${VENDOR}&thcMin=18&thcMax=30` +
        '&priceMin=10&priceMax=25.5&discount=1&inStock=1&sort=price_asc&cursor=abc&dir=back&page=2',
    );
    expect(state).toEqual({
      ...EMPTY_BROWSE_STATE,
      q: 'blue',
      categories: ['flower', 'edible'],
      classifications: ['indica'],
      vendorId: VENDOR,
      thcMin: 18,
      thcMax: 30,
      priceMinCents: 1000,
      priceMaxCents: 2550,
      hasVolumeDiscount: true,
      inStock: true,
      sort: 'price_asc',
      cursor: 'abc',
      backward: true,
      page: 2,
    });
  });

  const single: [string, Partial<BrowseState>][] = [
    ['q', { q: 'gummies' }],
    ['category', { categories: ['concentrate'] }],
    ['class', { classifications: ['sativa'] }],
    ['vendor', { vendorId: VENDOR }],
    ['thcMin', { thcMin: 12.75 }],
    ['thcMax', { thcMax: 100 }],
    ['cbdMin', { cbdMin: 5 }],
    ['cbdMax', { cbdMax: 0 }],
    ['priceMin', { priceMinCents: 0 }],
    ['priceMax', { priceMaxCents: 123456 }],
    ['discount', { hasVolumeDiscount: true }],
    ['inStock', { inStock: true }],
    ['cursor', { cursor: 'next-page_token' }],
    ['dir', { cursor: 'prev', backward: true }],
    ['page', { cursor: 'p', page: 7 }],
  ];
  it.each(single)('round trips %s on its own, and the API accepts it', (name, patch) => {
    const state = { ...EMPTY_BROWSE_STATE, ...patch };
    const search = browseStateToSearch(state);
    expect(new URLSearchParams(search).has(name)).toBe(true);
    expect(fromSearch(search)).toEqual(state);
    expectApiAccepts(state);
  });

  it.each(BROWSE_SORTS.filter((sort) => sort !== 'relevance'))(
    'round trips sort=%s with or without a search',
    (sort) => {
      for (const q of ['', 'kush']) {
        const state = { ...EMPTY_BROWSE_STATE, q, sort };
        expect(fromSearch(browseStateToSearch(state))).toEqual(state);
        expect(effectiveSortOf(state)).toBe(sort);
      }
    },
  );

  it('round trips relevance when there is a search', () => {
    const state = { ...EMPTY_BROWSE_STATE, q: 'kush', sort: 'relevance' as const };
    expect(fromSearch(browseStateToSearch(state))).toEqual(state);
    expect(browseInputOf(state)).toMatchObject({ sort: 'relevance' });
  });

  it('round trips every category and classification', () => {
    const state = { ...EMPTY_BROWSE_STATE, categories: [...PRODUCT_CATEGORIES], classifications: [...CLASSIFICATIONS] };
    expect(fromSearch(browseStateToSearch(state))).toEqual(state);
    expectApiAccepts(state);
  });

  it('gives one canonical URL however the list parameters were ordered or spaced', () => {
    const a = browseStateToSearch(fromSearch('?category=edible,flower&class=indica,hybrid'));
    const b = browseStateToSearch(fromSearch('?class=hybrid, indica&category= flower ,edible,flower'));
    expect(a).toBe(b);
    expect(fromSearch(a)).toEqual(fromSearch(b));
  });

  it('prices are dollars in the URL and integer cents in the state and the API', () => {
    const state = fromSearch('?priceMin=9.99&priceMax=$1,250');
    expect(state.priceMinCents).toBe(999);
    expect(state.priceMaxCents).toBe(125_000);
    const input = browseInputOf(state);
    expect(input).toMatchObject({ priceMinCents: 999, priceMaxCents: 125_000 });
    expect(fromSearch(browseStateToSearch(state))).toEqual(state);
  });

  it('normalizes the vendor id to lower case', () => {
    expect(fromSearch(`?vendor=${VENDOR.toUpperCase()}`).vendorId).toBe(VENDOR);
  });

  it('reads the first value of a repeated parameter from a record', () => {
    expect(parseBrowseState({ q: ['first', 'second'], category: ['edible', 'flower'] })).toMatchObject({
      q: 'first',
      categories: ['edible'],
    });
  });
});

describe('invalid or out-of-range values are dropped, never thrown', () => {
  const dropped: [string, Partial<BrowseState>][] = [
    ['?thcMin=abc', { thcMin: null }],
    ['?thcMin=150', { thcMin: null }],
    ['?thcMax=-5', { thcMax: null }],
    ['?thcMin=1e2', { thcMin: null }],
    ['?cbdMin=NaN&cbdMax=Infinity', { cbdMin: null, cbdMax: null }],
    ['?cbdMax=12.345', { cbdMax: null }],
    ['?priceMin=abc', { priceMinCents: null }],
    ['?priceMin=-1', { priceMinCents: null }],
    ['?priceMax=10.999', { priceMaxCents: null }],
    ['?priceMax=99999999999', { priceMaxCents: null }],
    ['?category=weed', { categories: [] }],
    ['?category=weed,flower', { categories: ['flower'] }],
    ['?class=purple', { classifications: [] }],
    ['?vendor=acme', { vendorId: null }],
    ['?vendor=1; drop table', { vendorId: null }],
    ['?sort=cheapest', { sort: null }],
    ['?sort=relevance', { sort: null }],
    ['?q=%20%20&sort=relevance', { q: '', sort: null }],
    ['?discount=yes&inStock=0', { hasVolumeDiscount: false, inStock: false }],
    ['?cursor=has%20space', { cursor: null }],
    [`?cursor=${'a'.repeat(301)}`, { cursor: null }],
    ['?dir=back', { backward: false }],
    ['?page=5', { page: 1 }],
    ['?cursor=c&page=0', { cursor: 'c', page: 1 }],
    ['?cursor=c&page=2.5', { cursor: 'c', page: 1 }],
    ['?cursor=c&page=abc', { cursor: 'c', page: 1 }],
  ];
  it.each(dropped)('%s', (search, expected) => {
    const state = fromSearch(search);
    expect(state).toEqual({ ...EMPTY_BROWSE_STATE, ...expected });
    expectApiAccepts(state);
  });

  it('drops a vendor id the API would not accept as a uuid', () => {
    // Looks like a uuid but has no valid version/variant nibble: the API's uuid schema refuses it.
    const state = fromSearch('?vendor=12345678-1234-1234-1234-123456789abc');
    expect(state.vendorId).toBeNull();
    expectApiAccepts(state);
  });

  it('reads a reversed range the way it was meant (smaller bound first) so the API accepts it', () => {
    const state = fromSearch('?thcMin=30&thcMax=18&cbdMin=5&cbdMax=1&priceMin=25&priceMax=10');
    expect([state.thcMin, state.thcMax]).toEqual([18, 30]);
    expect([state.cbdMin, state.cbdMax]).toEqual([1, 5]);
    expect([state.priceMinCents, state.priceMaxCents]).toEqual([1000, 2500]);
    expectApiAccepts(state);
  });

  it('caps the search text at the length the API accepts', () => {
    const state = fromSearch(`?q=${'x'.repeat(500)}&sort=relevance`);
    expect(state.q.length).toBeLessThanOrEqual(100);
    expect(state.sort).toBe('relevance');
    expectApiAccepts(state);
  });

  it('never produces an API input the browse schema rejects, whatever the URL holds', () => {
    const pools: Record<string, (string | undefined)[]> = {
      q: [undefined, '', '  ', 'blue', ' kush ', 'x'.repeat(150), '<script>'],
      category: [undefined, '', 'flower', 'edible,flower', 'weed', ',,,', 'flower,flower,seed'],
      class: [undefined, 'indica', 'sativa,hybrid', 'nope'],
      vendor: [undefined, VENDOR, VENDOR.toUpperCase(), 'x', '12345678-1234-1234-1234-123456789abc'],
      thcMin: [undefined, '', '0', '18.5', '100', '150', 'abc', '-1', '99.99', '30'],
      thcMax: [undefined, '', '0', '20', '100', '101', '1e3', '5'],
      cbdMin: [undefined, '3', '50.5', 'x'],
      cbdMax: [undefined, '1', '100.00', '0.01'],
      priceMin: [undefined, '', '0', '10', '$12.50', '1,000', '-3', '1.234', '2000000'],
      priceMax: [undefined, '5', '99.99', '1000000', '1000000.01', 'abc'],
      discount: [undefined, '1', 'true', '0'],
      inStock: [undefined, '1', 'false'],
      sort: [undefined, ...BROWSE_SORTS, 'bogus'],
      cursor: [undefined, '', 'abc', 'a'.repeat(300), 'a'.repeat(301), 'bad cursor', 'x/y'],
      dir: [undefined, 'back', 'forward'],
      page: [undefined, '0', '2', '-1', '1.5', '99999', '100000'],
    };
    // A small deterministic generator, so a failure reproduces.
    let seed = 20240611;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let run = 0; run < 2000; run += 1) {
      const params = new URLSearchParams();
      for (const [name, pool] of Object.entries(pools)) {
        const value = pool[next() % pool.length];
        if (value !== undefined) params.set(name, value);
      }
      const state = parseBrowseState(params);
      const result = browseProductsInput.safeParse(browseInputOf(state));
      if (!result.success) throw new Error(`?${params} → ${JSON.stringify(result.error.issues)}`);
      // What the URL is rewritten to reads back as the same state.
      expect(fromSearch(browseStateToSearch(state))).toEqual(state);
    }
  });
});

describe('browseInputOf', () => {
  it('leaves out everything that is not set', () => {
    expect(browseInputOf(EMPTY_BROWSE_STATE)).toEqual({ limit: 24 });
  });

  it('sends relevance only with a search text', () => {
    const withoutSearch = { ...EMPTY_BROWSE_STATE, sort: 'relevance' as const };
    expect(browseInputOf(withoutSearch)).not.toHaveProperty('sort');
    expect(effectiveSortOf(withoutSearch)).toBe('newest');
    expect(browseStateToSearch(withoutSearch)).toBe('');
    expect(effectiveSortOf({ ...EMPTY_BROWSE_STATE, q: 'kush' })).toBe('relevance');
  });

  it('sends the cursor with its direction', () => {
    expect(browseInputOf({ ...EMPTY_BROWSE_STATE, cursor: 'abc' })).toMatchObject({
      cursor: 'abc',
      direction: 'forward',
    });
    expect(browseInputOf({ ...EMPTY_BROWSE_STATE, cursor: 'abc', backward: true })).toMatchObject({
      cursor: 'abc',
      direction: 'backward',
    });
  });

  it('takes a custom page size', () => {
    const input = browseInputOf(FULL, 48);
    expect(input).toMatchObject({ limit: 48 });
    expectApiAccepts(FULL);
    expect(browseProductsInput.safeParse(input).success).toBe(true);
  });
});

describe('changing the view', () => {
  const paged: BrowseState = { ...FULL, cursor: 'abc', backward: true, page: 4 };

  it.each<[string, Partial<BrowseState>]>([
    ['a category', { categories: ['seed'] }],
    ['the THC range', { thcMin: 10, thcMax: null }],
    ['the price range', { priceMinCents: null, priceMaxCents: 500 }],
    ['a toggle', { inStock: false }],
    ['the sort', { sort: 'newest' }],
    ['the search', { q: 'other' }],
    ['nothing (reload the first page)', {}],
  ])('changing %s goes back to the first page', (_, patch) => {
    const next = withChange(paged, patch);
    expect(next).toEqual({ ...paged, ...patch, cursor: null, backward: false, page: 1 });
    const params = new URLSearchParams(browseStateToSearch(next));
    expect(params.has('cursor')).toBe(false);
    expect(params.has('dir')).toBe(false);
    expect(params.has('page')).toBe(false);
  });

  it('a patch cannot keep a stale cursor', () => {
    expect(withChange(paged, { cursor: 'other', page: 9 })).toMatchObject({ cursor: null, page: 1 });
  });

  it('clearing filters keeps the search text and sort, and drops the rest', () => {
    const cleared = clearFilters(paged);
    expect(cleared).toEqual({ ...EMPTY_BROWSE_STATE, q: paged.q, sort: paged.sort });
    expect(hasFilters(cleared)).toBe(false);
    expect(fromSearch(browseStateToSearch(cleared))).toEqual(cleared);
  });

  it('hasFilters ignores the search, the sort and the page', () => {
    expect(hasFilters({ ...EMPTY_BROWSE_STATE, q: 'kush', sort: 'price_desc', cursor: 'abc', page: 2 })).toBe(false);
    expect(hasFilters({ ...EMPTY_BROWSE_STATE, inStock: true })).toBe(true);
    expect(hasFilters({ ...EMPTY_BROWSE_STATE, cbdMax: 0 })).toBe(true);
    expect(hasFilters({ ...EMPTY_BROWSE_STATE, priceMinCents: 0 })).toBe(true);
  });
});

describe('parsePercent (range filter input and URL alike)', () => {
  it('takes 0–100 with at most two decimals and nothing else', () => {
    expect(['0', '18.1', '18.25', '100'].map(parsePercent)).toEqual([0, 18.1, 18.25, 100]);
    expect(['18.555', '101', '-1', '1e1', 'abc', '', null].map(parsePercent)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('one filter, one URL', () => {
  it('writes categories and classifications in catalog order whatever order they were ticked in', () => {
    const ticked = withChange(EMPTY_BROWSE_STATE, {
      categories: ['edible', 'flower'],
      classifications: ['cbd', 'sativa'],
    });
    const reversed = withChange(EMPTY_BROWSE_STATE, {
      categories: ['flower', 'edible'],
      classifications: ['sativa', 'cbd'],
    });
    expect(browseStateToSearch(ticked)).toBe(browseStateToSearch(reversed));
  });
});

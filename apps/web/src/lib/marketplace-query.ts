import {
  BROWSE_PAGE_SIZE,
  BROWSE_SORTS,
  type BrowseProductsInput,
  type BrowseSort,
  CLASSIFICATIONS,
  type Classification,
  isUuid,
  PRODUCT_CATEGORIES,
  type ProductCategory,
} from '@pf/domain';
import { centsToDollarsText, dollarsToCents } from './catalog-format';

/**
 * The marketplace grid's state as it lives in the URL (shareable, back button works):
 * `?q=blue&category=flower,edible&class=indica&vendor=<uuid>&thcMin=18&thcMax=30&cbdMin=&cbdMax=
 *  &priceMin=10&priceMax=25.5&discount=1&inStock=1&sort=price_asc&cursor=…&dir=back&page=2`.
 * Prices are dollars in the URL and the UI, integer cents in the API. Anything invalid is dropped, never thrown.
 */
export interface BrowseState {
  q: string;
  categories: ProductCategory[];
  classifications: Classification[];
  vendorId: string | null;
  thcMin: number | null;
  thcMax: number | null;
  cbdMin: number | null;
  cbdMax: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
  hasVolumeDiscount: boolean;
  inStock: boolean;
  /** null = the default: relevance with a search, newest without. */
  sort: BrowseSort | null;
  cursor: string | null;
  backward: boolean;
  /** 1-based page number, for display only (the cursor is what pages). */
  page: number;
}

export const EMPTY_BROWSE_STATE: BrowseState = {
  q: '',
  categories: [],
  classifications: [],
  vendorId: null,
  thcMin: null,
  thcMax: null,
  cbdMin: null,
  cbdMax: null,
  priceMinCents: null,
  priceMaxCents: null,
  hasVolumeDiscount: false,
  inStock: false,
  sort: null,
  cursor: null,
  backward: false,
  page: 1,
};

export type SearchParamsRecord = Record<string, string | string[] | undefined>;
type Reader = { get(name: string): string | null };

const CURSOR = /^[A-Za-z0-9_-]{1,300}$/;
const MAX_PRICE_CENTS = 100_000_000;

const readerOf = (params: SearchParamsRecord | URLSearchParams): Reader =>
  params instanceof URLSearchParams
    ? params
    : {
        get: (name) => {
          const value = params[name];
          return (Array.isArray(value) ? value[0] : value) ?? null;
        },
      };

function enumList<T extends string>(raw: string | null, allowed: readonly T[]): T[] {
  if (!raw) return [];
  const wanted = new Set(raw.split(',').map((part) => part.trim()));
  return allowed.filter((value) => wanted.has(value));
}

/** A THC/CBD bound as typed or as found in the URL: 0–100 with at most two decimals, else null. */
export function parsePercent(raw: string | null): number | null {
  if (!raw || !/^\d{1,3}(\.\d{1,2})?$/.test(raw.trim())) return null;
  const value = Number(raw);
  return value >= 0 && value <= 100 ? value : null;
}

function cents(raw: string | null): number | null {
  const value = raw ? dollarsToCents(raw) : null;
  return value !== null && value <= MAX_PRICE_CENTS ? value : null;
}

/** A reversed range is read the way it was meant (smaller bound first) rather than refused. */
function ordered(min: number | null, max: number | null): [number | null, number | null] {
  return min !== null && max !== null && min > max ? [max, min] : [min, max];
}

const flag = (raw: string | null) => raw === '1' || raw === 'true';

export function parseBrowseState(params: SearchParamsRecord | URLSearchParams): BrowseState {
  const read = readerOf(params);
  const q = (read.get('q') ?? '').trim().slice(0, 100);
  const vendor = read.get('vendor');
  const sortRaw = read.get('sort');
  const sort = BROWSE_SORTS.find((s) => s === sortRaw) ?? null;
  const cursorRaw = read.get('cursor');
  const cursor = cursorRaw && CURSOR.test(cursorRaw) ? cursorRaw : null;
  const pageRaw = Number(read.get('page'));
  const [thcMin, thcMax] = ordered(parsePercent(read.get('thcMin')), parsePercent(read.get('thcMax')));
  const [cbdMin, cbdMax] = ordered(parsePercent(read.get('cbdMin')), parsePercent(read.get('cbdMax')));
  const [priceMinCents, priceMaxCents] = ordered(cents(read.get('priceMin')), cents(read.get('priceMax')));
  return {
    q,
    categories: enumList(read.get('category'), PRODUCT_CATEGORIES),
    classifications: enumList(read.get('class'), CLASSIFICATIONS),
    // The API's own uuid check (version and variant nibbles too): an id it would refuse is dropped here.
    vendorId: vendor && isUuid(vendor) ? vendor.toLowerCase() : null,
    thcMin,
    thcMax,
    cbdMin,
    cbdMax,
    priceMinCents,
    priceMaxCents,
    hasVolumeDiscount: flag(read.get('discount')),
    inStock: flag(read.get('inStock')),
    sort: sort === 'relevance' && !q ? null : sort,
    cursor,
    backward: cursor !== null && read.get('dir') === 'back',
    page: cursor && Number.isInteger(pageRaw) && pageRaw > 1 && pageRaw < 100_000 ? pageRaw : 1,
  };
}

/** The canonical query string (leading `?`, or '' for the default view); the same state always gives the same URL. */
export function browseStateToSearch(state: BrowseState): string {
  const params = new URLSearchParams();
  const put = (name: string, value: string | number | null | false) => {
    if (value !== null && value !== false && value !== '') params.set(name, String(value));
  };
  put('q', state.q.trim());
  // In catalog order, not click order: one filter, one URL (and one cached query).
  put('category', PRODUCT_CATEGORIES.filter((c) => state.categories.includes(c)).join(','));
  put('class', CLASSIFICATIONS.filter((c) => state.classifications.includes(c)).join(','));
  put('vendor', state.vendorId);
  put('thcMin', state.thcMin);
  put('thcMax', state.thcMax);
  put('cbdMin', state.cbdMin);
  put('cbdMax', state.cbdMax);
  put('priceMin', state.priceMinCents === null ? null : centsToDollarsText(state.priceMinCents));
  put('priceMax', state.priceMaxCents === null ? null : centsToDollarsText(state.priceMaxCents));
  put('discount', state.hasVolumeDiscount && '1');
  put('inStock', state.inStock && '1');
  put('sort', state.sort === 'relevance' && !state.q.trim() ? null : state.sort);
  if (state.cursor) {
    put('cursor', state.cursor);
    put('dir', state.backward && 'back');
    put('page', state.page > 1 ? state.page : null);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The browse procedure's input for this state. */
export function browseInputOf(state: BrowseState, limit = BROWSE_PAGE_SIZE): BrowseProductsInput {
  const input: BrowseProductsInput = { limit };
  if (state.q.trim()) input.q = state.q.trim();
  if (state.categories.length) input.categories = state.categories;
  if (state.classifications.length) input.classifications = state.classifications;
  if (state.vendorId) input.vendorId = state.vendorId;
  if (state.thcMin !== null) input.thcMin = state.thcMin;
  if (state.thcMax !== null) input.thcMax = state.thcMax;
  if (state.cbdMin !== null) input.cbdMin = state.cbdMin;
  if (state.cbdMax !== null) input.cbdMax = state.cbdMax;
  if (state.priceMinCents !== null) input.priceMinCents = state.priceMinCents;
  if (state.priceMaxCents !== null) input.priceMaxCents = state.priceMaxCents;
  if (state.hasVolumeDiscount) input.hasVolumeDiscount = true;
  if (state.inStock) input.inStock = true;
  if (state.sort && !(state.sort === 'relevance' && !input.q)) input.sort = state.sort;
  if (state.cursor) {
    input.cursor = state.cursor;
    input.direction = state.backward ? 'backward' : 'forward';
  }
  return input;
}

/** The sort the API will apply, for the sort control. */
export const effectiveSortOf = (state: BrowseState): BrowseSort =>
  state.sort && !(state.sort === 'relevance' && !state.q.trim()) ? state.sort : state.q.trim() ? 'relevance' : 'newest';

/** A filter or sort change: back to the first page (a cursor only fits the list it was issued for). */
export const withChange = (state: BrowseState, patch: Partial<BrowseState>): BrowseState => ({
  ...state,
  ...patch,
  cursor: null,
  backward: false,
  page: 1,
});

/** Everything but the search text and sort: what the "Clear filters" action removes. */
export const clearFilters = (state: BrowseState): BrowseState => ({
  ...EMPTY_BROWSE_STATE,
  q: state.q,
  sort: state.sort,
});

export const hasFilters = (state: BrowseState): boolean =>
  browseStateToSearch({ ...state, q: '', sort: null, cursor: null }) !== '';

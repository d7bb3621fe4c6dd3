import type { BrowseProductsInput } from '@pf/domain';

/** The request shapes `pnpm bench:browse` measures: what a buyer's sidebar and search box produce. */
export interface Shape {
  name: string;
  /** `search` shapes have the q goal (p95 ≤ 50 ms at 100 req/s), the others the filter goal (≤ 20 ms at 200). */
  kind: 'filter' | 'search';
  /** Sent round-robin; several for search, so one warm query text does not stand for all of them. */
  inputs: BrowseProductsInput[];
}

/** Real strain names and product words of the generated catalog, one misspelt (trigram fallback). */
export const SEARCH_TERMS = [
  'blue dream',
  'gummies',
  'live resin',
  'sour diesel',
  'og kush',
  'blue dreem',
  'wedding cake',
  'disposable vape',
];

export const FILTER_SHAPES: Shape[] = [
  { name: 'no filter', kind: 'filter', inputs: [{}] },
  { name: 'category', kind: 'filter', inputs: [{ categories: ['flower'] }] },
  { name: 'price range', kind: 'filter', inputs: [{ priceMinCents: 2000, priceMaxCents: 4000, sort: 'price_asc' }] },
  { name: 'THC range', kind: 'filter', inputs: [{ thcMin: 20, thcMax: 30 }] },
  { name: 'discount + in stock', kind: 'filter', inputs: [{ hasVolumeDiscount: true, inStock: true }] },
  {
    name: 'combined filters',
    kind: 'filter',
    inputs: [
      {
        categories: ['flower', 'pre_roll'],
        classifications: ['indica'],
        thcMin: 20,
        priceMaxCents: 6000,
        inStock: true,
        sort: 'price_desc',
      },
    ],
  },
];

export const SEARCH_SHAPE: Shape = { name: 'q search', kind: 'search', inputs: SEARCH_TERMS.map((q) => ({ q })) };

/** The deep-page shape: the cursor of page `page` of the unfiltered grid, found by following nextCursor. */
export async function deepPageShape(
  fetchPage: (input: BrowseProductsInput) => Promise<{ nextCursor: string | null }>,
  page: number,
): Promise<Shape> {
  let cursor: string | null = null;
  for (let n = 1; n < page; n++) {
    const result: { nextCursor: string | null } = await fetchPage(cursor ? { cursor } : {});
    if (!result.nextCursor) throw new Error(`the catalog ends before page ${page}`);
    cursor = result.nextCursor;
  }
  return { name: `deep page (${page})`, kind: 'filter', inputs: [{ cursor }] };
}

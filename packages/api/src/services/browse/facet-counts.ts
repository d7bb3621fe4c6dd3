import {
  type BrowseFacets,
  CLASSIFICATION_LABELS,
  CLASSIFICATIONS,
  type Classification,
  PRODUCT_CATEGORIES,
  type ProductCategory,
} from '@pf/domain';
import type { BrowseFilters, FacetName } from './filters';
import type { ScopeVendor } from './scope';

/** Products of the base result (scope, search, ranges) sharing every facet value: one row of a GROUP BY. */
export interface FacetGroup {
  vendorId: string;
  category: ProductCategory;
  classification: Classification | null;
  hasVolumeDiscount: boolean;
  inStock: boolean;
  count: number;
}

const CATEGORY_LABELS: Record<ProductCategory, string> = {
  flower: 'Flower',
  cart: 'Cartridges',
  pre_roll: 'Pre-rolls',
  edible: 'Edibles',
  concentrate: 'Concentrates',
  beverage: 'Beverages',
  vape: 'Vapes',
  topical: 'Topicals',
  tincture: 'Tinctures',
  seed: 'Seeds',
  seedling: 'Seedlings',
  accessory: 'Accessories',
};
/** Whether a group passes one facet group's selection (no selection passes everything). */
const PASSES: Record<FacetName, (g: FacetGroup, f: BrowseFilters) => boolean> = {
  categories: (g, f) => f.categories.length === 0 || f.categories.includes(g.category),
  classifications: (g, f) =>
    f.classifications.length === 0 || (g.classification !== null && f.classifications.includes(g.classification)),
  vendors: (g, f) => f.vendorId === null || g.vendorId === f.vendorId,
  hasVolumeDiscount: (g, f) => f.hasVolumeDiscount === null || g.hasVolumeDiscount === f.hasVolumeDiscount,
  inStock: (g, f) => f.inStock === null || g.inStock === f.inStock,
};
const FACET_NAMES = Object.keys(PASSES) as FacetName[];

const passesAllBut = (g: FacetGroup, f: BrowseFilters, skip: FacetName | null) =>
  FACET_NAMES.every((name) => name === skip || PASSES[name](g, f));

function countBy<K extends string>(
  groups: FacetGroup[],
  f: BrowseFilters,
  skip: FacetName,
  key: (g: FacetGroup) => K | null,
) {
  const counts = new Map<K, number>();
  for (const g of groups) {
    const value = key(g);
    if (value !== null && passesAllBut(g, f, skip)) counts.set(value, (counts.get(value) ?? 0) + g.count);
  }
  return counts;
}

const sumWhere = (groups: FacetGroup[], f: BrowseFilters, skip: FacetName, test: (g: FacetGroup) => boolean) =>
  groups.reduce((sum, g) => (test(g) && passesAllBut(g, f, skip) ? sum + g.count : sum), 0);

/**
 * Total and sidebar counts. The rule (the usual one for multi-select sidebars): a facet group's counts apply
 * every other filter but not its own, so ticking "Flower" still shows how many edibles there are, while the
 * classification and vendor counts shrink to flower. A count is therefore what the total would become if that
 * value were the group's only selection. Values with no products are left out unless selected.
 */
export function facetCounts(groups: FacetGroup[], f: BrowseFilters, vendors: ScopeVendor[]) {
  const total = groups.reduce((sum, g) => (passesAllBut(g, f, null) ? sum + g.count : sum), 0);
  /** Before any facet selection: decides whether a search falls back to fuzzy matching (search.ts). */
  const baseTotal = groups.reduce((sum, g) => sum + g.count, 0);
  const categories = countBy(groups, f, 'categories', (g) => g.category);
  const classifications = countBy(groups, f, 'classifications', (g) => g.classification);
  const byVendor = countBy(groups, f, 'vendors', (g) => g.vendorId);
  const facets: BrowseFacets = {
    categories: PRODUCT_CATEGORIES.filter((c) => categories.has(c) || f.categories.includes(c)).map((c) => ({
      value: c,
      label: CATEGORY_LABELS[c],
      count: categories.get(c) ?? 0,
    })),
    classifications: CLASSIFICATIONS.filter((c) => classifications.has(c) || f.classifications.includes(c)).map(
      (c) => ({ value: c, label: CLASSIFICATION_LABELS[c], count: classifications.get(c) ?? 0 }),
    ),
    vendors: vendors
      .filter((v) => byVendor.has(v.id) || v.id === f.vendorId)
      .map((v) => ({ value: v.id, label: v.name, count: byVendor.get(v.id) ?? 0 }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    hasVolumeDiscount: sumWhere(groups, f, 'hasVolumeDiscount', (g) => g.hasVolumeDiscount),
    inStock: sumWhere(groups, f, 'inStock', (g) => g.inStock),
  };
  return { total, baseTotal, facets };
}

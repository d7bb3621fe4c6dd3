import { categoryLabel, classificationLabel, formatMoneyShort, formatPercent } from './catalog-format';
import { type BrowseState, withChange } from './marketplace-query';

/** One active filter as a removable chip: what it says and the state without it. */
export interface FilterChip {
  key: string;
  label: string;
  without: BrowseState;
}

function rangeLabel(name: string, min: number | null, max: number | null, format: (n: number) => string) {
  if (min !== null && max !== null) return `${name} ${format(min)}–${format(max)}`;
  if (min !== null) return `${name} ≥ ${format(min)}`;
  return `${name} ≤ ${format(max ?? 0)}`;
}

/** Chips in sidebar order; `vendorName` resolves the vendor filter's id to the name the facets carry. */
export function activeFilterChips(state: BrowseState, vendorName: (id: string) => string | undefined): FilterChip[] {
  const chips: FilterChip[] = [];
  for (const category of state.categories) {
    chips.push({
      key: `category:${category}`,
      label: categoryLabel(category),
      without: withChange(state, { categories: state.categories.filter((c) => c !== category) }),
    });
  }
  for (const classification of state.classifications) {
    chips.push({
      key: `class:${classification}`,
      label: classificationLabel(classification),
      without: withChange(state, { classifications: state.classifications.filter((c) => c !== classification) }),
    });
  }
  if (state.vendorId) {
    chips.push({
      key: 'vendor',
      label: `Vendor: ${vendorName(state.vendorId) ?? 'selected vendor'}`,
      without: withChange(state, { vendorId: null }),
    });
  }
  if (state.thcMin !== null || state.thcMax !== null) {
    chips.push({
      key: 'thc',
      label: rangeLabel('THC', state.thcMin, state.thcMax, formatPercent),
      without: withChange(state, { thcMin: null, thcMax: null }),
    });
  }
  if (state.cbdMin !== null || state.cbdMax !== null) {
    chips.push({
      key: 'cbd',
      label: rangeLabel('CBD', state.cbdMin, state.cbdMax, formatPercent),
      without: withChange(state, { cbdMin: null, cbdMax: null }),
    });
  }
  if (state.priceMinCents !== null || state.priceMaxCents !== null) {
    chips.push({
      key: 'price',
      label: rangeLabel('Price', state.priceMinCents, state.priceMaxCents, formatMoneyShort),
      without: withChange(state, { priceMinCents: null, priceMaxCents: null }),
    });
  }
  if (state.hasVolumeDiscount) {
    chips.push({ key: 'discount', label: 'Volume discount', without: withChange(state, { hasVolumeDiscount: false }) });
  }
  if (state.inStock) chips.push({ key: 'inStock', label: 'In stock', without: withChange(state, { inStock: false }) });
  return chips;
}

export const SORT_LABELS = {
  relevance: 'Best match',
  newest: 'Newest',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
} as const;

import {
  CLASSIFICATION_LABELS,
  type Classification,
  type Feeling,
  type Flavor,
  type ProductCategory,
  type ProductUnit,
  type Usage,
} from '@pf/domain';

/** Re-exported so UI code takes every catalog label from here. */
export { CLASSIFICATION_LABELS };

/** Display helpers for the catalog: money from integer cents, percentages, enum labels. Pure, server-safe. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1250` → `$12.50`. */
export const formatMoney = (cents: number): string => usd.format(cents / 100);

/** `1200` → `$12` but `1250` → `$12.50`: compact money for ranges and chips. */
export const formatMoneyShort = (cents: number): string =>
  cents % 100 === 0 ? usdWhole.format(cents / 100) : usd.format(cents / 100);

/** `22.46` → `22.5%`, `20` → `20%` (one decimal at most, UI.md). */
export const formatPercent = (value: number): string => `${oneDecimal.format(value)}%`;

/** `1234` → `1,234`. */
export const formatCount = (value: number): string => integer.format(value);

/** Whole dollars typed in the UI → integer cents for the API; null when the text is not a money amount. */
export function dollarsToCents(text: string): number | null {
  const amount = text.trim().replace(/^\$/, '');
  // Commas only as thousands separators: "1,234.50" is money, "1,2,3" is a typo.
  if (!/^(\d+|\d{1,3}(,\d{3})+)(\.\d{1,2})?$/.test(amount)) return null;
  const trimmed = amount.replaceAll(',', '');
  const cents = Math.round(Number(trimmed) * 100);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Integer cents → the plain dollars text an input shows (`1250` → `12.5`, `1200` → `12`). */
export const centsToDollarsText = (cents: number): string =>
  cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);

export const CATEGORY_LABELS: Record<ProductCategory, string> = {
  flower: 'Flower',
  cart: 'Cartridge',
  pre_roll: 'Pre-roll',
  edible: 'Edible',
  concentrate: 'Concentrate',
  beverage: 'Beverage',
  vape: 'Vape',
  topical: 'Topical',
  tincture: 'Tincture',
  seed: 'Seed',
  seedling: 'Seedling',
  accessory: 'Accessory',
};

/** Singular unit names, as in "$12.50 / gram". */
export const UNIT_LABELS: Record<ProductUnit, string> = {
  unit: 'unit',
  gram: 'gram',
  ounce: 'ounce',
  pound: 'pound',
  eighth: 'eighth',
  sixteenth: 'sixteenth',
};

const UNIT_PLURALS: Record<ProductUnit, string> = {
  unit: 'units',
  gram: 'grams',
  ounce: 'ounces',
  pound: 'pounds',
  eighth: 'eighths',
  sixteenth: 'sixteenths',
};

/** `3, 'gram'` → `3 grams`; `1, 'unit'` → `1 unit`. */
export const formatQuantity = (qty: number, unit: ProductUnit): string =>
  `${formatCount(qty)} ${qty === 1 ? UNIT_LABELS[unit] : UNIT_PLURALS[unit]}`;

/** `stress_relief` → `Stress relief`: for the feelings/flavors/usage vocabularies. */
export const humanizeEnum = (value: Feeling | Flavor | Usage | string): string => {
  const words = value.replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const categoryLabel = (value: string): string =>
  CATEGORY_LABELS[value as ProductCategory] ?? humanizeEnum(value);
export const classificationLabel = (value: string): string =>
  CLASSIFICATION_LABELS[value as Classification] ?? humanizeEnum(value);

import type { products } from '@pf/db';
import { type Classification, FEELINGS, FLAVORS, type ProductCategory, USAGES } from '@pf/domain';
import { GROWS, NOTES, STRAINS } from '../catalog-vocabulary';
import type { Random } from '../seeded-random';
import { planStock, planTiers } from './plan-stock';
import { FRUITS, formatsOf, type ProductFormat, SCENTS } from './product-formats';
import type { VendorProfile } from './profiles';

export type ProductValues = Omit<typeof products.$inferInsert, 'id' | 'storeId' | 'coaMediaId'>;

/** One listing before ids exist: the row, its stock and tiers, and how many pictures and whether a COA. */
export interface PlannedProduct {
  values: ProductValues;
  stock: { onHandQty: number; lowStockThreshold: number };
  tiers: { minQty: number; discountPercent: string }[];
  images: number;
  hasCoa: boolean;
}

const DAY_MS = 86_400_000;
/** Lab-tested categories: a share of these carry a certificate of analysis. */
const TESTED: ReadonlySet<ProductCategory> = new Set([
  'flower',
  'pre_roll',
  'cart',
  'vape',
  'concentrate',
  'edible',
  'beverage',
  'tincture',
]);
/**
 * How often a lab-tested listing has its certificate uploaded: nearly always for flower and concentrates, which
 * buyers check first, and most of the time for the rest.
 */
const COA_SHARE: Partial<Record<ProductCategory, number>> = {
  flower: 0.9,
  concentrate: 0.9,
  pre_roll: 0.8,
  cart: 0.8,
  vape: 0.8,
};
const OTHER_TESTED_COA_SHARE = 0.6;

const CBD_HEAVY: ReadonlySet<Classification> = new Set(['cbd', 'hemp', 'balanced']);

function weightedCategory(random: Random, mix: VendorProfile['mix']): ProductCategory {
  const entries = Object.entries(mix) as [ProductCategory, number][];
  let roll = random.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [category, weight] of entries) {
    roll -= weight;
    if (roll < 0) return category;
  }
  return entries[0]?.[0] ?? 'flower';
}

/** `count` distinct items (at least one), in drawn order. */
function some<T>(random: Random, items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < Math.max(1, count) && pool.length > 0) {
    chosen.push(pool.splice(random.int(0, pool.length - 1), 1)[0] as T);
  }
  return chosen;
}

const roundPrice = (cents: number) => (cents >= 10_000 ? Math.round(cents / 500) * 500 : Math.round(cents / 25) * 25);
/**
 * Quarter-percent steps are exact binary fractions: a value like 18.1 is not (18.1 * 100 !== 1810), and the
 * product contract's two-decimals check refuses such values when the vendor console sends them back.
 */
const percent = (random: Random, min: number, max: number) =>
  (Math.round((min + random.next() * (max - min)) * 4) / 4).toFixed(2);

function classificationOf(random: Random, format: ProductFormat, strainClass: Classification): Classification | null {
  if (format.name.includes('{strain}')) return strainClass;
  if (format.name.includes('CBD')) return 'cbd';
  if (format.category === 'accessory') return null;
  if (format.category === 'topical') return random.pick(['cbd', 'balanced'] as const);
  return random.pick(['indica', 'sativa', 'hybrid', 'hybrid', 'balanced'] as const);
}

function potency(random: Random, format: ProductFormat, classification: Classification | null) {
  if (!format.thc) return { thcPercent: null, cbdPercent: null };
  if (classification && CBD_HEAVY.has(classification)) {
    const thcPercent = classification === 'balanced' ? percent(random, 6, 12) : percent(random, 0, 0.25);
    return { thcPercent, cbdPercent: percent(random, classification === 'balanced' ? 6 : 10, 18) };
  }
  const [min, max] = format.thc;
  return { thcPercent: percent(random, min, max), cbdPercent: random.chance(0.5) ? percent(random, 0.25, 1.5) : null };
}

/** A UPC-A code with a valid check digit, so scanners in the vendor's warehouse would accept it. */
function upc(random: Random): string {
  const digits = [8, ...Array.from({ length: 10 }, () => random.int(0, 9))];
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return `${digits.join('')}${(10 - (sum % 10)) % 10}`;
}

function descriptionOf(vendor: VendorProfile, title: string, strain: string | null, grow: string, notes: string[]) {
  const where = vendor.address.state;
  if (!strain)
    return `${title} by ${vendor.companyName}. Lab tested, child-resistant packaging, ${where}-compliant labels.`;
  return (
    `${strain}: ${notes.join(' and ')} on the nose. ${grow} by ${vendor.companyName}, hand-trimmed and cured ` +
    `for at least 14 days. Every batch is tested for potency and contaminants before it ships (${where}).`
  );
}

/** One listing; `seen` holds the vendor's titles so far, which the listing avoids repeating. */
function planProduct(random: Random, vendor: VendorProfile, sequence: number, now: Date, seen: Set<string>) {
  let format: ProductFormat;
  let strain: readonly [string, Classification];
  let title: string;
  let attempts = 0;
  do {
    format = random.pick(formatsOf(weightedCategory(random, vendor.mix)));
    strain = random.pick(STRAINS);
    title = format.name
      .replace('{strain}', strain[0])
      .replace('{fruit}', random.pick(FRUITS))
      .replace('{scent}', random.pick(SCENTS));
    attempts++;
  } while (seen.has(title) && attempts < 40);
  seen.add(title);

  const namesStrain = format.name.includes('{strain}');
  const classification = classificationOf(random, format, strain[1]);
  const grow = random.pick(GROWS);
  const notes = some(random, NOTES, 2);
  const moq = random.pick(format.moq);
  const maxChoices = format.maxQty.filter((max) => max === 0 || max >= moq);
  const maxQty = random.pick(maxChoices.length > 0 ? maxChoices : [0]);
  const [low, high] = format.priceCents;
  const priceCents = roundPrice(low + random.next() * (high - low));
  const createdAt = new Date(now.getTime() - random.int(0, 150) * DAY_MS - random.int(0, DAY_MS - 1));
  const isActive = random.chance(0.94);
  const tiers = random.chance(0.4) ? planTiers(random, moq, maxQty) : [];
  const batch = `${vendor.code}-${createdAt.toISOString().slice(2, 7).replace('-', '')}-${String(sequence).padStart(3, '0')}`;

  const values: ProductValues = {
    sku: `${vendor.code}-${format.category.slice(0, 3).toUpperCase()}-${String(sequence).padStart(4, '0')}`,
    title,
    subtitle: format.subtitle ?? (namesStrain ? `${grow} · ${notes.join(' and ')} notes` : null),
    bodyHtml: descriptionOf(vendor, title, namesStrain ? strain[0] : null, grow, notes),
    category: format.category,
    feelings: some(random, FEELINGS, random.int(1, 3)),
    flavors: some(random, FLAVORS, random.int(1, 3)),
    usage: some(random, USAGES, random.int(1, 2)),
    strain: namesStrain ? strain[0] : null,
    classification,
    unit: format.unit,
    moq,
    maxQty,
    priceCents,
    compareAtPriceCents: random.chance(0.12) ? roundPrice(priceCents * (1.15 + random.next() * 0.2)) : null,
    isActive,
    isFeatured: isActive && random.chance(0.07),
    ...potency(random, format, classification),
    hasVolumeDiscount: tiers.length > 0,
    batchId: TESTED.has(format.category) ? batch : null,
    metricTag:
      format.category === 'accessory' ? null : `1A40603000${random.int(1_000_000, 9_999_999)}${batch.slice(-3)}0000`,
    barcode: format.unit === 'unit' && random.chance(0.6) ? upc(random) : null,
    packagingType: format.packaging,
    createdAt,
    updatedAt: createdAt,
  };
  return {
    values,
    stock: planStock(random, moq),
    tiers,
    images: random.chance(0.55) ? 1 : random.chance(0.65) ? 2 : 3,
    hasCoa: TESTED.has(format.category) && random.chance(COA_SHARE[format.category] ?? OTHER_TESTED_COA_SHARE),
  } satisfies PlannedProduct;
}

/** The vendor's whole catalog: the same random stream and `now` always yield the same listings. */
export function planProducts(random: Random, vendor: VendorProfile, now: Date): PlannedProduct[] {
  const seen = new Set<string>();
  return Array.from({ length: vendor.products }, (_, index) => planProduct(random, vendor, index + 1, now, seen));
}

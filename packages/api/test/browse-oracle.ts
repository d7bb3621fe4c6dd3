import { inventoryItems, products, stores } from '@pf/db';
import { type BrowseProductsInput, isVisibleToBuyer } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { visibilitySubjectOf } from '../src/services/products/visibility-subject';
import type { TestApp } from '../src/testing';

/**
 * An independent reading of the browse rules, for checking the SQL: every product loaded into memory, the
 * visibility rule applied with `isVisibleToBuyer`, the filters applied as plain JavaScript.
 */
/** The request's filters (the input type also admits `undefined`, which the schema defaults). */
export type Filters = NonNullable<BrowseProductsInput>;

export interface OracleProduct {
  id: string;
  storeId: string;
  category: string;
  classification: string | null;
  priceCents: number;
  thc: number | null;
  cbd: number | null;
  hasVolumeDiscount: boolean;
  inStock: boolean;
  createdAt: Date;
}

export async function visibleProducts(app: TestApp, buyerState: string): Promise<OracleProduct[]> {
  const rows = await app.deps.db
    .select({ product: products, vendor: stores, stock: inventoryItems })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .leftJoin(inventoryItems, eq(inventoryItems.productId, products.id));
  return rows
    .filter(({ product, vendor }) => isVisibleToBuyer(visibilitySubjectOf(product, vendor), buyerState))
    .map(({ product, stock }) => ({
      id: product.id,
      storeId: product.storeId,
      category: product.category,
      classification: product.classification,
      priceCents: product.priceCents,
      thc: product.thcPercent === null ? null : Number(product.thcPercent),
      cbd: product.cbdPercent === null ? null : Number(product.cbdPercent),
      hasVolumeDiscount: product.hasVolumeDiscount,
      inStock: stock ? stock.onHandQty - stock.reservedQty > 0 : false,
      createdAt: product.createdAt,
    }));
}

const within = (value: number | null, min?: number, max?: number) =>
  (min === undefined && max === undefined) ||
  (value !== null && (min === undefined || value >= min) && (max === undefined || value <= max));

/** Does a product pass the filters? `skip` leaves one facet group's own selection out (the facet rule). */
export function passes(p: OracleProduct, f: Filters, skip?: string): boolean {
  return (
    (skip === 'categories' || !f.categories?.length || f.categories.includes(p.category as never)) &&
    (skip === 'classifications' ||
      !f.classifications?.length ||
      (p.classification !== null && f.classifications.includes(p.classification as never))) &&
    (skip === 'vendors' || !f.vendorId || p.storeId === f.vendorId) &&
    (skip === 'hasVolumeDiscount' ||
      f.hasVolumeDiscount === undefined ||
      p.hasVolumeDiscount === f.hasVolumeDiscount) &&
    (skip === 'inStock' || f.inStock === undefined || p.inStock === f.inStock) &&
    within(p.priceCents, f.priceMinCents, f.priceMaxCents) &&
    within(p.thc, f.thcMin, f.thcMax) &&
    within(p.cbd, f.cbdMin, f.cbdMax)
  );
}

/** Counts of `key` over the products passing every filter but `skip`, without zero entries. */
export function countBy(all: OracleProduct[], f: Filters, skip: string, key: (p: OracleProduct) => string | null) {
  const counts: Record<string, number> = {};
  for (const p of all) {
    const value = key(p);
    if (value !== null && passes(p, f, skip)) counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

import { inventoryItems, products } from '@pf/db';
import {
  type BrowseQuery,
  CLASSIFICATIONS,
  type Classification,
  PRODUCT_CATEGORIES,
  type ProductCategory,
} from '@pf/domain';
import { type AnyColumn, and, gte, lte, not, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';

/** The products table under the alias every browse query uses (lateral subqueries need a name). */
export const p = alias(products, 'p');
export type ProductAlias = typeof p;

/** The sidebar groups. Each group's counts apply every filter except its own (see facet-counts.ts). */
export const FACETS = ['categories', 'classifications', 'vendors', 'hasVolumeDiscount', 'inStock'] as const;
export type FacetName = (typeof FACETS)[number];

/** Filters in one canonical form: cache keys and cursor fingerprints must not depend on how they were sent. */
export interface BrowseFilters {
  categories: ProductCategory[];
  classifications: Classification[];
  vendorId: string | null;
  hasVolumeDiscount: boolean | null;
  inStock: boolean | null;
  thcMin: number | null;
  thcMax: number | null;
  cbdMin: number | null;
  cbdMax: number | null;
  priceMinCents: number | null;
  priceMaxCents: number | null;
}

const sortedUnique = <T extends string>(values: readonly T[] | undefined): T[] => [...new Set(values ?? [])].sort();

export function normalizeFilters(query: BrowseQuery): BrowseFilters {
  return {
    categories: sortedUnique(query.categories),
    classifications: sortedUnique(query.classifications),
    vendorId: query.vendorId ?? null,
    hasVolumeDiscount: query.hasVolumeDiscount ?? null,
    inStock: query.inStock ?? null,
    thcMin: query.thcMin ?? null,
    thcMax: query.thcMax ?? null,
    cbdMin: query.cbdMin ?? null,
    cbdMax: query.cbdMax ?? null,
    priceMinCents: query.priceMinCents ?? null,
    priceMaxCents: query.priceMaxCents ?? null,
  };
}

/** Free stock (on hand − reserved) above zero; a product without a stock row has none. */
export const inStockSql = (table: ProductAlias): SQL =>
  sql`exists (select 1 from ${inventoryItems} where ${inventoryItems.productId} = ${table.id} and ${inventoryItems.onHandQty} > ${inventoryItems.reservedQty})`;

/** Range filters: not facets, so they narrow the facet counts too. A product without a THC/CBD value fails them. */
export function rangeConditions(table: ProductAlias, f: BrowseFilters): SQL[] {
  const bounds = [
    f.priceMinCents === null ? undefined : gte(table.priceCents, f.priceMinCents),
    f.priceMaxCents === null ? undefined : lte(table.priceCents, f.priceMaxCents),
    f.thcMin === null ? undefined : gte(table.thcPercent, String(f.thcMin)),
    f.thcMax === null ? undefined : lte(table.thcPercent, String(f.thcMax)),
    f.cbdMin === null ? undefined : gte(table.cbdPercent, String(f.cbdMin)),
    f.cbdMax === null ? undefined : lte(table.cbdPercent, String(f.cbdMax)),
  ];
  return bounds.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * Enum selections as SQL literals, not parameters. The page statement is prepared, and with `category = $1`
 * Postgres cannot tell flower (30 % of the catalog) from seedling (2 %) in a generic plan, so it planned every
 * execution afresh: about half the statement's database time. Literals give each selection its own statement
 * (bounded: enum values), planned once. Only known enum values get here (zod), re-checked before quoting.
 */
function inLiteral(column: AnyColumn, values: readonly string[], allowed: readonly string[]): SQL {
  if (values.some((value) => !allowed.includes(value))) throw new Error('browse filter value outside its enum');
  return sql`${column} in (${sql.raw(values.map((value) => `'${value}'`).join(', '))})`;
}

/**
 * The facet selections as page conditions; booleans filter both ways (false asks for "without"). The vendor
 * selection is not here: the page statement only visits the selected vendor's products (plan-browse.ts).
 */
export function selectionConditions(table: ProductAlias, f: BrowseFilters): SQL[] {
  const conditions: SQL[] = [];
  if (f.categories.length > 0) conditions.push(inLiteral(table.category, f.categories, PRODUCT_CATEGORIES));
  if (f.classifications.length > 0) {
    conditions.push(inLiteral(table.classification, f.classifications, CLASSIFICATIONS));
  }
  if (f.hasVolumeDiscount !== null) {
    conditions.push(sql`${table.hasVolumeDiscount} = ${sql.raw(String(f.hasVolumeDiscount))}`);
  }
  if (f.inStock !== null) conditions.push(f.inStock ? inStockSql(table) : not(inStockSql(table)));
  return conditions;
}

/** Every filter as one condition (the page statement). */
export const allFilterConditions = (table: ProductAlias, f: BrowseFilters): SQL | undefined =>
  and(...rangeConditions(table, f), ...selectionConditions(table, f));

import { inventoryItems, media, productMedia, products } from '@pf/db';
import type { ListVendorProductsQuery, VendorProductPage, VendorProductSort } from '@pf/domain';
import { and, asc, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { signedThumbnailUrl } from '../media/read-url';
import type { ActiveStore } from '../types';
import { decodeListCursor, encodeListCursor, type ListCursor } from './list-cursor';
import { toStockDto } from './stock';

const freeStock = sql<number>`(${inventoryItems.onHandQty} - ${inventoryItems.reservedQty})`;
const titleKey = sql<string>`lower(${products.title})`;
/** created_at with all six fractional digits: a millisecond Date would skip or repeat rows at a page edge. */
const preciseCreatedAt = sql<string>`to_char(${products.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

interface SortSpec {
  /** What rows are ordered by (ties broken by id in the same direction). */
  key: SQL | typeof products.createdAt | typeof products.priceCents;
  /** The key's value as the cursor stores it. */
  cursorValue: SQL;
  descending: boolean;
  /** How the cursor value is read back into SQL. */
  cast: 'timestamptz' | 'text' | 'int';
}

const byTitle = { key: titleKey, cursorValue: titleKey, cast: 'text' } as const;
const byPrice = { key: products.priceCents, cursorValue: sql`${products.priceCents}`, cast: 'int' } as const;
const byStock = { key: freeStock, cursorValue: freeStock, cast: 'int' } as const;
const SORTS: Record<VendorProductSort, SortSpec> = {
  newest: { key: products.createdAt, cursorValue: preciseCreatedAt, descending: true, cast: 'timestamptz' },
  title_asc: { ...byTitle, descending: false },
  title_desc: { ...byTitle, descending: true },
  price_asc: { ...byPrice, descending: false },
  price_desc: { ...byPrice, descending: true },
  stock_asc: { ...byStock, descending: false },
  stock_desc: { ...byStock, descending: true },
};

const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;

function filtersOf(storeId: string, query: ListVendorProductsQuery): SQL[] {
  const filters: SQL[] = [eq(products.storeId, storeId), isNull(products.deletedAt)];
  if (query.q) {
    const pattern = likePattern(query.q);
    filters.push(or(ilike(products.title, pattern), ilike(products.sku, pattern)) as SQL);
  }
  if (query.category) filters.push(eq(products.category, query.category));
  if (query.status) filters.push(eq(products.isActive, query.status === 'active'));
  // Same rule as isLowStock in domain: free stock at or below the threshold.
  if (query.lowStockOnly) filters.push(sql`${freeStock} <= ${inventoryItems.lowStockThreshold}`);
  return filters;
}

function after(spec: SortSpec, cursor: ListCursor): SQL {
  const value = sql`${cursor.value}::${sql.raw(spec.cast)}`;
  const operator = sql.raw(spec.descending ? '<' : '>');
  return sql`(${spec.key}, ${products.id}) ${operator} (${value}, ${cursor.id}::uuid)`;
}

/** The vendor's own catalog table (no buyer gating, inactive included, deleted never), keyset-paginated. */
export async function listVendorProducts(
  deps: AppDeps,
  store: ActiveStore,
  query: ListVendorProductsQuery,
): Promise<VendorProductPage> {
  const spec = SORTS[query.sort];
  const filters = filtersOf(store.id, query);
  const cursor = query.cursor ? decodeListCursor(query.cursor, query.sort) : null;
  const order = spec.descending ? desc : asc;
  const [rows, counted] = await Promise.all([
    deps.db
      .select({ product: products, stock: inventoryItems, thumbnail: media, cursorValue: spec.cursorValue })
      .from(products)
      .innerJoin(inventoryItems, eq(inventoryItems.productId, products.id))
      .leftJoin(productMedia, and(eq(productMedia.productId, products.id), eq(productMedia.position, 0)))
      .leftJoin(media, eq(media.id, productMedia.mediaId))
      .where(and(...filters, cursor ? after(spec, cursor) : undefined))
      .orderBy(order(spec.key), order(products.id))
      .limit(query.limit + 1),
    deps.db
      .select({ total: sql<number>`count(*)::int` })
      .from(products)
      .innerJoin(inventoryItems, eq(inventoryItems.productId, products.id))
      .where(and(...filters)),
  ]);
  const page = rows.slice(0, query.limit);
  const items = await Promise.all(
    page.map(async ({ product, stock, thumbnail }) => ({
      id: product.id,
      sku: product.sku,
      title: product.title,
      category: product.category,
      classification: product.classification,
      unit: product.unit,
      moq: product.moq,
      maxQty: product.maxQty,
      priceCents: product.priceCents,
      compareAtPriceCents: product.compareAtPriceCents,
      thcPercent: product.thcPercent === null ? null : Number(product.thcPercent),
      cbdPercent: product.cbdPercent === null ? null : Number(product.cbdPercent),
      isActive: product.isActive,
      isFeatured: product.isFeatured,
      hasVolumeDiscount: product.hasVolumeDiscount,
      coaAdded: product.coaMediaId !== null,
      thumbnailUrl: thumbnail ? await signedThumbnailUrl(deps, thumbnail) : null,
      stock: toStockDto(stock),
      createdAt: product.createdAt.toISOString(),
      updatedAt: product.updatedAt.toISOString(),
    })),
  );
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeListCursor({
          sort: query.sort,
          value: spec.cast === 'int' ? Number(last.cursorValue) : String(last.cursorValue),
          id: last.product.id,
        })
      : null;
  return { items, nextCursor, total: counted[0]?.total ?? 0 };
}

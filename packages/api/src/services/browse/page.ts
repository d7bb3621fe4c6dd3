import { type Database, inventoryItems, media, productMedia, products } from '@pf/db';
import type { Classification, MediaKind, MediaStatus, ProductCategory, ProductUnit } from '@pf/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Position } from './cursor';
import { p } from './filters';
import { preparedRowsOf } from './rows';
import { type Search, searchMatch } from './search';
import { keysetCondition, type SortPlan, scanDirection } from './sorting';

export interface PageQuery {
  /** The vendors whose products may appear (scope ∩ vendor filter). */
  vendorIds: string[];
  /** The scope's product condition (visibility rule or own catalog), without the vendor restriction. */
  productWhere: SQL;
  filters: SQL | undefined;
  search: Search | null;
  plan: SortPlan;
  after: Position | null;
  backward: boolean;
  /** Rows to fetch: the page size + 1, to learn whether another page follows. */
  fetch: number;
}

export interface PageRow extends Record<string, unknown> {
  id: string;
  sku: string;
  title: string;
  subtitle: string | null;
  category: ProductCategory;
  classification: Classification | null;
  unit: ProductUnit;
  price_cents: number;
  compare_at_price_cents: number | null;
  thc_percent: number | null;
  cbd_percent: number | null;
  moq: number;
  has_volume_discount: boolean;
  store_id: string;
  created_at: string;
  in_stock: boolean;
  /** Free units: on hand less reserved, never negative. */
  available_qty: number;
  thumbnail_kind: MediaKind | null;
  thumbnail_status: MediaStatus | null;
  thumbnail_key: string | null;
  /** The image's grid-size rendition, when it has one. */
  thumbnail_small_key: string | null;
  sort_text: string;
}

const card = alias(products, 'card');
const stock = alias(inventoryItems, 'stock');
const cover = alias(productMedia, 'cover');
const thumb = alias(media, 'thumb');

/**
 * A literal, not a parameter: Postgres costs `LIMIT $n` in a generic plan as 10 % of the rows, so it would plan
 * every execution afresh (custom plans) instead of reusing the prepared statement's plan.
 */
const fetchLimit = (q: PageQuery) => sql.raw(String(Math.trunc(q.fetch)));

/**
 * Without a search: for each vendor in scope, the first `fetch` rows of its own (store, key, id) index range
 * (an index-only scan when the filters are index columns), then the best `fetch` of those. A state lists tens of
 * vendors, so this reads at most vendors × fetch index entries however large the catalog, where one scan in
 * global key order would have to skip every other state's rows.
 */
function idsPerVendor(q: PageQuery, keyset: SQL | undefined): SQL {
  const direction = scanDirection(q.plan, q.backward);
  return sql`
    select k.id, k.sort_key, k.sort_text
    from unnest(${sql.param(q.vendorIds)}::uuid[]) as v(store_id)
    cross join lateral (
      select ${p.id} as id, ${q.plan.key} as sort_key, ${q.plan.keyText} as sort_text
      from ${products} ${p}
      where ${and(sql`${p.storeId} = v.store_id`, q.productWhere, q.filters, keyset)}
      order by ${q.plan.key} ${direction}, ${p.id} ${direction}
      limit ${fetchLimit(q)}
    ) k
    order by k.sort_key ${direction}, k.id ${direction}
    limit ${fetchLimit(q)}`;
}

/** With a search: the text indexes find the matches (bitmap scan), which are ranked or sorted and cut. */
function idsOfMatches(q: PageQuery, search: Search, keyset: SQL | undefined): SQL {
  const direction = scanDirection(q.plan, q.backward);
  const inVendors = sql`${p.storeId} = any(${sql.param(q.vendorIds)}::uuid[])`;
  return sql`
    select ${p.id} as id, ${q.plan.key} as sort_key, ${q.plan.keyText} as sort_text
    from ${products} ${p}
    where ${and(inVendors, q.productWhere, searchMatch(p, search), q.filters, keyset)}
    order by sort_key ${direction}, ${p.id} ${direction}
    limit ${fetchLimit(q)}`;
}

/** One round trip: the page's ids in order, then card columns, free stock and the position-0 image. */
export function pageStatement(q: PageQuery): SQL {
  const keyset = q.after ? keysetCondition(q.plan, p, q.after, q.backward) : undefined;
  const ids = q.search ? idsOfMatches(q, q.search, keyset) : idsPerVendor(q, keyset);
  const direction = scanDirection(q.plan, q.backward);
  return sql`
    with page as (${ids})
    select ${card.id} as id, ${card.sku} as sku, ${card.title} as title, ${card.subtitle} as subtitle,
      ${card.category}::text as category, ${card.classification}::text as classification, ${card.unit}::text as unit,
      ${card.priceCents} as price_cents, ${card.compareAtPriceCents} as compare_at_price_cents,
      ${card.thcPercent}::float8 as thc_percent, ${card.cbdPercent}::float8 as cbd_percent, ${card.moq} as moq,
      ${card.hasVolumeDiscount} as has_volume_discount, ${card.storeId} as store_id,
      to_char(${card.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as created_at,
      coalesce(${stock.onHandQty} > ${stock.reservedQty}, false) as in_stock,
      greatest(coalesce(${stock.onHandQty} - ${stock.reservedQty}, 0), 0) as available_qty,
      ${thumb.kind}::text as thumbnail_kind, ${thumb.status}::text as thumbnail_status,
      ${thumb.objectKey} as thumbnail_key, ${thumb.thumbnailKey} as thumbnail_small_key, page.sort_text
    from page
    join ${products} ${card} on ${card.id} = page.id
    left join ${inventoryItems} ${stock} on ${stock.productId} = page.id
    left join ${productMedia} ${cover} on ${cover.productId} = page.id and ${cover.position} = 0
    left join ${media} ${thumb} on ${thumb.id} = ${cover.mediaId}
    order by page.sort_key ${direction}, page.id ${direction}`;
}

export const fetchPage = (db: Database, q: PageQuery): Promise<PageRow[]> =>
  q.vendorIds.length === 0 ? Promise.resolve([]) : preparedRowsOf<PageRow>(db, pageStatement(q));

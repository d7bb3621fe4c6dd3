import type { BrowseSort } from '@pf/domain';
import { type SQL, sql } from 'drizzle-orm';
import type { Position } from './cursor';
import type { ProductAlias } from './filters';
import { type Search, searchScore } from './search';

/** One sort as SQL: a key expression and its direction; the product id breaks ties in the same direction. */
export interface SortPlan {
  sort: BrowseSort;
  direction: 'asc' | 'desc';
  key: SQL;
  /** The key as text, exact enough to resume after the row (microseconds; float8 shortest round-trip form). */
  keyText: SQL;
  keyType: 'timestamptz' | 'integer' | 'float8';
  /** Direction of the (store, key, id) browse index, which drizzle builds NULLS LAST; null: no such index. */
  indexDirection: 'asc' | 'desc' | null;
}

/** Relevance by default when searching, newest otherwise; relevance without a search falls back to newest. */
export function effectiveSort(requested: BrowseSort | undefined, search: Search | null): BrowseSort {
  const sort = requested ?? (search ? 'relevance' : 'newest');
  return sort === 'relevance' && !search ? 'newest' : sort;
}

export function sortPlan(table: ProductAlias, sort: BrowseSort, search: Search | null): SortPlan {
  if (sort === 'relevance' && search) {
    const score = searchScore(table, search);
    return {
      sort,
      direction: 'desc',
      key: score,
      keyText: sql`(${score})::text`,
      keyType: 'float8',
      indexDirection: null,
    };
  }
  if (sort === 'price_asc' || sort === 'price_desc') {
    return {
      sort,
      direction: sort === 'price_asc' ? 'asc' : 'desc',
      key: sql`${table.priceCents}`,
      keyText: sql`${table.priceCents}::text`,
      keyType: 'integer',
      indexDirection: 'asc',
    };
  }
  return {
    sort: 'newest',
    direction: 'desc',
    key: sql`${table.createdAt}`,
    keyText: sql`to_char(${table.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    keyType: 'timestamptz',
    indexDirection: 'desc',
  };
}

const ascendingScan = (plan: SortPlan, backward: boolean) => backward === (plan.direction === 'desc');

/**
 * Scan order: the sort's own direction going forward, the reverse when paging backward. The NULLS clause
 * matches the index (the keys are NOT NULL, so it changes no result), or the planner would not use its order.
 */
export function scanDirection(plan: SortPlan, backward: boolean): SQL {
  const direction = ascendingScan(plan, backward) ? 'asc' : 'desc';
  if (!plan.indexDirection) return sql.raw(direction);
  return sql.raw(`${direction} nulls ${direction === plan.indexDirection ? 'last' : 'first'}`);
}

/**
 * Rows strictly after `at` in scan order, as one row comparison: with (store, key, id) indexes it is an index
 * condition, so a deep page costs what the first page costs.
 */
export function keysetCondition(plan: SortPlan, table: ProductAlias, at: Position, backward: boolean): SQL {
  const operator = sql.raw(ascendingScan(plan, backward) ? '>' : '<');
  return sql`(${plan.key}, ${table.id}) ${operator} (${at.key}::${sql.raw(plan.keyType)}, ${at.id}::uuid)`;
}

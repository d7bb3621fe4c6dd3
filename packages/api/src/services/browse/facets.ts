import { inventoryItems, products } from '@pf/db';
import type { BrowseFacets, Classification, ProductCategory } from '@pf/domain';
import { and, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { listFingerprint } from './cursor';
import { type FacetGroup, facetCounts } from './facet-counts';
import { type BrowseFilters, p, rangeConditions } from './filters';
import { remembered } from './memo';
import { rowsOf } from './rows';
import type { ScopeVendor } from './scope';
import { type Search, searchMatch } from './search';

/**
 * Counting is the expensive part of a browse (every matching row, not one page), so `total` and the facets are
 * cached in the KV per (scope, vendors in scope, search, filters) for FACET_CACHE_TTL_MS. Items are never
 * cached: a page always shows live rows, while its counts may lag a product edit by up to that long. An entry
 * older than FACET_REFRESH_AFTER_MS is recomputed in the background while it is still served, so a key in
 * steady use never makes a request wait for a recount. Each process also keeps the answer for SCOPE_MEMO_MS
 * (memo.ts), which spares hot keys the KV round trip.
 */
export const FACET_CACHE_TTL_MS = 30_000;
export const FACET_REFRESH_AFTER_MS = 20_000;

export interface CountRequest {
  scopeKey: string;
  /** Every vendor in scope: the vendor facet counts the vendors the filter did not pick, too. */
  vendors: ScopeVendor[];
  productWhere: SQL;
  search: Search | null;
  filters: BrowseFilters;
}
export interface Counts {
  total: number;
  /** Matches before any facet selection. */
  baseTotal: number;
  facets: BrowseFacets;
}

interface GroupRow extends Record<string, unknown> {
  vendor_id: string;
  category: ProductCategory;
  classification: Classification | null;
  has_volume_discount: boolean;
  in_stock: boolean;
  count: number;
}

/** One pass over the base result (everything but the facet selections), grouped by every facet value. */
export function groupsStatement(r: CountRequest): SQL {
  const inVendors = sql`${p.storeId} = any(${sql.param(r.vendors.map((v) => v.id))}::uuid[])`;
  const where = and(
    inVendors,
    r.productWhere,
    r.search ? searchMatch(p, r.search) : undefined,
    ...rangeConditions(p, r.filters),
  );
  return sql`
    select ${p.storeId} as vendor_id, ${p.category}::text as category, ${p.classification}::text as classification,
      ${p.hasVolumeDiscount} as has_volume_discount,
      coalesce(${inventoryItems.onHandQty} > ${inventoryItems.reservedQty}, false) as in_stock, count(*)::int as count
    from ${products} ${p} left join ${inventoryItems} on ${inventoryItems.productId} = ${p.id}
    where ${where}
    group by 1, 2, 3, 4, 5`;
}

async function loadGroups(deps: AppDeps, r: CountRequest): Promise<FacetGroup[]> {
  if (r.vendors.length === 0) return [];
  const rows = await rowsOf<GroupRow>(deps.db, groupsStatement(r));
  return rows.map((row) => ({
    vendorId: row.vendor_id,
    category: row.category,
    classification: row.classification,
    hasVolumeDiscount: row.has_volume_discount,
    inStock: row.in_stock,
    count: row.count,
  }));
}

/**
 * One recount per key at a time in this process (concurrent misses share it); across processes a short KV lock
 * keeps background refreshes to one. Keyed by the deps object: each app (and each test app) has its own.
 */
const inFlight = new WeakMap<AppDeps, Map<string, Promise<Counts>>>();

interface Cached {
  counts: Counts;
  computedAt: number;
}

/** The KV is an optimisation here: without it browse still answers, only slower. */
const kvTrouble = (deps: AppDeps) => (error: unknown) => {
  deps.logger.warn({ err: error }, 'browse count cache unavailable');
  return null;
};

async function recount(deps: AppDeps, key: string, r: CountRequest): Promise<Counts> {
  const counts = facetCounts(await loadGroups(deps, r), r.filters, r.vendors);
  const entry: Cached = { counts, computedAt: deps.clock.now().getTime() };
  await deps.kv.set(key, JSON.stringify(entry), { ttlMs: FACET_CACHE_TTL_MS }).catch(kvTrouble(deps));
  return counts;
}

function shared(deps: AppDeps, key: string, r: CountRequest): Promise<Counts> {
  const pending = inFlight.get(deps) ?? new Map<string, Promise<Counts>>();
  inFlight.set(deps, pending);
  const running = pending.get(key);
  if (running) return running;
  const work = recount(deps, key, r).finally(() => pending.delete(key));
  pending.set(key, work);
  return work;
}

/** Total and facets for a request; the last few seconds' answer for the same key is reused in process too. */
export function countsFor(deps: AppDeps, r: CountRequest): Promise<Counts> {
  const key = `browse:counts:v3:${listFingerprint([r.scopeKey, r.vendors.map((v) => v.id), r.search, r.filters])}`;
  return remembered(deps, key, () => cachedCounts(deps, key, r));
}

async function cachedCounts(deps: AppDeps, key: string, r: CountRequest): Promise<Counts> {
  const raw = await deps.kv.get(key).catch(kvTrouble(deps));
  if (!raw) return shared(deps, key, r);
  const cached = JSON.parse(raw) as Cached;
  const ageing = deps.clock.now().getTime() - cached.computedAt > FACET_REFRESH_AFTER_MS;
  if (ageing && !inFlight.get(deps)?.has(key)) {
    const refresh = { ttlMs: 10_000, onlyIfAbsent: true };
    if (await deps.kv.set(`${key}:refresh`, '1', refresh).catch(kvTrouble(deps))) {
      shared(deps, key, r).catch((error: unknown) => deps.logger.warn({ err: error }, 'browse recount failed'));
    }
  }
  return cached.counts;
}

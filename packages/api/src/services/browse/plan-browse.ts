import type { BrowseQuery, BrowseSort } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { decodeCursor, listFingerprint, type Position } from './cursor';
import { type CountRequest, countsFor } from './facets';
import { allFilterConditions, normalizeFilters, p } from './filters';
import type { PageQuery } from './page';
import { type BrowseScope, type ScopeVendor, scopeKey } from './scope';
import { type Search, searchableText, unmatchableSearch } from './search';
import { effectiveSort, sortPlan } from './sorting';
import { listedProductWhere, ownProductWhere } from './visibility-sql';

export interface BrowseList {
  scope: BrowseScope;
  /** The scope's vendors as the caller resolved them: all of them, or just one for a storefront. */
  vendors: ScopeVendor[];
  /** The vendor a storefront narrows the scope to (unlike the `vendorId` filter, which is a facet). */
  storefrontOf: string | null;
}

/** Everything one browse request will run: the page statement's inputs and the count request. */
export interface BrowsePlan {
  page: PageQuery;
  counts: CountRequest;
  sort: BrowseSort;
  fingerprint: string;
  after: Position | null;
  backward: boolean;
  limit: number;
}

/**
 * Exact matching, or fuzzy when not one product matches exactly: the count says so, from the same (cached)
 * statement the sidebar's counts come from.
 */
async function chooseSearch(
  deps: AppDeps,
  q: string | undefined,
  countsWith: (search: Search) => CountRequest,
): Promise<Search | null> {
  const unmatchable = unmatchableSearch(q);
  if (unmatchable) return unmatchable;
  const text = await searchableText(deps, q);
  if (!text) return null;
  const exact: Search = { text, mode: 'exact' };
  const { baseTotal } = await countsFor(deps, countsWith(exact));
  return baseTotal > 0 ? exact : { text, mode: 'fuzzy' };
}

/**
 * Turns a request into statements: scope and visibility rule, search text and mode, effective sort, validated
 * cursor. Separate from running them so the benchmark can EXPLAIN exactly the statements a request executes.
 */
export async function planBrowse(deps: AppDeps, list: BrowseList, query: BrowseQuery): Promise<BrowsePlan> {
  const { scope, vendors } = list;
  const filters = normalizeFilters(query);
  const productWhere = scope.kind === 'listed' ? listedProductWhere(p, scope.rule) : ownProductWhere(p);
  const listKey = `${scopeKey(scope)}|${list.storefrontOf ?? '*'}`;
  const countsWith = (search: Search | null): CountRequest => ({
    scopeKey: listKey,
    vendors,
    productWhere,
    search,
    filters,
  });
  const search = await chooseSearch(deps, query.q, countsWith);
  const sort = effectiveSort(query.sort, search);
  const fingerprint = listFingerprint([listKey, filters, search, sort]);
  const after = query.cursor ? decodeCursor(query.cursor, sort, fingerprint) : null;
  const backward = after !== null && query.direction === 'backward';
  return {
    page: {
      vendorIds: vendors.filter((v) => !filters.vendorId || v.id === filters.vendorId).map((v) => v.id),
      productWhere,
      filters: allFilterConditions(p, filters),
      search,
      plan: sortPlan(p, sort, search),
      after,
      backward,
      fetch: query.limit + 1,
    },
    counts: countsWith(search),
    sort,
    fingerprint,
    after,
    backward,
    limit: query.limit,
  };
}

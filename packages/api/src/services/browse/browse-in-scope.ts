import type { BrowseQuery } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { toCards } from './cards';
import type { BrowseResult } from './contracts';
import { encodeCursor } from './cursor';
import { countsFor } from './facets';
import { fetchPage, type PageRow } from './page';
import { type BrowseList, planBrowse } from './plan-browse';

/** The grid for one list: live page rows (keyset-paginated both ways) plus cached total and facet counts. */
export async function browseInScope(deps: AppDeps, list: BrowseList, query: BrowseQuery): Promise<BrowseResult> {
  const plan = await planBrowse(deps, list, query);
  const [rows, counts] = await Promise.all([fetchPage(deps.db, plan.page), countsFor(deps, plan.counts)]);

  // `rows` are in scan order; one extra row means more exist beyond the page in that direction.
  const more = rows.length > plan.limit;
  const page = rows.slice(0, plan.limit);
  if (plan.backward) page.reverse();
  const cursorAt = (row: PageRow | undefined) =>
    row ? encodeCursor(plan.sort, plan.fingerprint, { key: row.sort_text, id: row.id }) : null;
  const first = cursorAt(page.at(0));
  const last = cursorAt(page.at(-1));
  return {
    items: await toCards(deps, page, list.vendors),
    // Backward, the rows after this page are the ones the caller came from.
    nextCursor: plan.backward || more ? last : null,
    // Forward from a cursor, the caller came from the rows before; backward, the extra row says more are there.
    prevCursor: (plan.backward ? more : plan.after !== null) ? first : null,
    total: counts.total,
    facets: counts.facets,
  };
}

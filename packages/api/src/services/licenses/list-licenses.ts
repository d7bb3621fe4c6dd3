import { licenses } from '@pf/db';
import type { LicensePage, ListLicensesQuery } from '@pf/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { afterKeyset, pageOf } from '../keyset';
import type { ActiveStore } from '../types';
import { selectLicenses, toLicenseDto } from './license-dto';

/** The active store's licenses, newest first, keyset-paged so a new submission never shifts later pages. */
export async function listLicenses(deps: AppDeps, store: ActiveStore, input: ListLicensesQuery): Promise<LicensePage> {
  const conditions: SQL[] = [eq(licenses.storeId, store.id)];
  if (input.cursor) conditions.push(afterKeyset(licenses.createdAt, licenses.id, input.cursor, 'desc'));
  const rows = await selectLicenses(deps.db)
    .where(and(...conditions))
    .orderBy(desc(licenses.createdAt), desc(licenses.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { items: await Promise.all(page.map((row) => toLicenseDto(deps, row))), nextCursor };
}

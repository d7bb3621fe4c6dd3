import { licenses, stores } from '@pf/db';
import type { AdminLicenseDto, AdminLicensePage, LicenseQueueQuery } from '@pf/domain';
import { AppError } from '@pf/domain';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { afterKeyset, pageOf } from '../keyset';
import { selectAdminLicenses, toAdminLicenseDto } from './license-dto';

/** `%` and `_` typed by an admin are literal characters, not wildcards. */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/**
 * The verification queue (PF-207): first come, first served, so the oldest submission is decided first.
 * Filters narrow by status (pending by default), store type, issuing state, and a search over the store's
 * names and the license number.
 */
export async function listLicenseQueue(deps: AppDeps, input: LicenseQueueQuery): Promise<AdminLicensePage> {
  const conditions: SQL[] = [eq(licenses.status, input.status)];
  if (input.storeType) conditions.push(eq(stores.type, input.storeType));
  if (input.issuingState) conditions.push(eq(licenses.issuingState, input.issuingState));
  if (input.search) {
    const pattern = containing(input.search);
    const matches = or(
      ilike(stores.companyName, pattern),
      ilike(stores.dbaName, pattern),
      ilike(licenses.number, pattern),
    );
    if (matches) conditions.push(matches);
  }
  if (input.cursor) conditions.push(afterKeyset(licenses.createdAt, licenses.id, input.cursor, 'asc'));
  const rows = await selectAdminLicenses(deps.db)
    .where(and(...conditions))
    .orderBy(asc(licenses.createdAt), asc(licenses.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit);
  return { items: await Promise.all(page.map((row) => toAdminLicenseDto(deps, row))), nextCursor };
}

/** One license with its store, for the admin review screen. */
export async function getLicenseForAdmin(deps: AppDeps, licenseId: string): Promise<AdminLicenseDto> {
  const [row] = await selectAdminLicenses(deps.db).where(eq(licenses.id, licenseId));
  if (!row) throw new AppError('NOT_FOUND', 'License not found.');
  return toAdminLicenseDto(deps, row);
}

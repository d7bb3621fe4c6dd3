import { licenses } from '@pf/db';
import { AppError, type LicenseDto } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { selectLicenses, toLicenseDto } from './license-dto';

/** One license of the active store with a fresh document link; another store's looks like a missing one. */
export async function getOwnLicense(deps: AppDeps, store: ActiveStore, licenseId: string): Promise<LicenseDto> {
  const [row] = await selectLicenses(deps.db)
    .where(and(eq(licenses.id, licenseId), eq(licenses.storeId, store.id)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'License not found.');
  return toLicenseDto(deps, row);
}

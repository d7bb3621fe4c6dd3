import { licenses, stores, type Transaction } from '@pf/db';
import type { KycStatus, LicenseStatus } from '@pf/domain';
import { eq, sql } from 'drizzle-orm';

/**
 * Locks the store row and returns its KYC status. Every transaction that changes a license's status takes
 * this lock first (then the license), so two changes to one store's licenses (an admin decision while the
 * cron expires another license) derive KYC from each other's results, never from a stale set.
 */
export async function lockStoreKyc(tx: Transaction, storeId: string): Promise<KycStatus> {
  const [row] = await tx
    .select({ kycStatus: stores.kycStatus })
    .from(stores)
    .where(eq(stores.id, storeId))
    .for('update');
  if (!row) throw new Error(`store ${storeId} vanished while its license changed`);
  return row.kycStatus;
}

/** The statuses of every license the store holds now (inside the caller's transaction). */
export async function licenseStatusesOf(tx: Transaction, storeId: string): Promise<LicenseStatus[]> {
  const rows = await tx.select({ status: licenses.status }).from(licenses).where(eq(licenses.storeId, storeId));
  return rows.map((row) => row.status);
}

export const writeKyc = (tx: Transaction, storeId: string, kycStatus: KycStatus, at: Date) =>
  tx.update(stores).set({ kycStatus, updatedAt: at }).where(eq(stores.id, storeId));

/** Whether any license of the store is verified (store deletes fall back to pending without one). */
export async function hasVerifiedLicense(tx: Transaction, storeId: string): Promise<boolean> {
  const [row] = await tx
    .select({ found: sql<number>`1` })
    .from(licenses)
    .where(sql`${licenses.storeId} = ${storeId} and ${licenses.status} = 'verified'`)
    .limit(1);
  return Boolean(row);
}

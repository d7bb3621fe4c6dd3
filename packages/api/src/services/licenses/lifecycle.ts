import { licenses } from '@pf/db';
import { daysUntil, deriveKycStatus, expiryWindow, purgeCutoff, warningWindow } from '@pf/domain';
import { and, asc, eq, gt, gte, lt, lte } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { recordAudit } from '../audit';
import { firstDayAtOrAfter, utcDayOf } from './dates';
import { licenseStatusesOf, lockStoreKyc, writeKyc } from './store-kyc';

/** What the scheduled job needs to act on one license. */
export interface LifecycleCandidate {
  id: string;
  storeId: string;
  expirationDate: string;
}

const candidateColumns = { id: licenses.id, storeId: licenses.storeId, expirationDate: licenses.expirationDate };

const selectCandidates = async (deps: AppDeps, where: ReturnType<typeof and>): Promise<LifecycleCandidate[]> =>
  (
    await deps.db
      .select(candidateColumns)
      .from(licenses)
      .where(where)
      .orderBy(asc(licenses.expirationDate), asc(licenses.id))
  ).flatMap((row) => (row.expirationDate ? [{ ...row, expirationDate: row.expirationDate }] : []));

/**
 * Verified licenses expiring from tomorrow up to the day exactly 14 days ahead (DOMAIN §7). On a daily run
 * each license enters on its 14th day and is warned then; the range, rather than that one day, means a
 * skipped run (or a license verified with less than 14 days left) still warns (DOMAIN §12.D8). Emit-once
 * keeps it to one warning per license.
 */
export const licensesToWarn = (deps: AppDeps, now: Date) =>
  selectCandidates(
    deps,
    and(
      eq(licenses.status, 'verified'),
      gt(licenses.expirationDate, utcDayOf(now)),
      lt(licenses.expirationDate, utcDayOf(warningWindow(now).to)),
    ),
  );

/** Verified licenses whose expiration (UTC midnight of the day) is in [now − 30 d, now). */
export const licensesToExpire = (deps: AppDeps, now: Date) => {
  const window = expiryWindow(now);
  return selectCandidates(
    deps,
    and(
      eq(licenses.status, 'verified'),
      gte(licenses.expirationDate, firstDayAtOrAfter(window.from)),
      lt(licenses.expirationDate, firstDayAtOrAfter(window.to)),
    ),
  );
};

/** Verified licenses expired before the lookback window: missed (the job did not run for 30 days). */
export const overdueVerifiedLicenses = (deps: AppDeps, now: Date) =>
  selectCandidates(
    deps,
    and(eq(licenses.status, 'verified'), lt(licenses.expirationDate, firstDayAtOrAfter(expiryWindow(now).from))),
  );

/** Expired licenses whose expiration is at or before now − 30 d. */
export const licensesToPurge = (deps: AppDeps, now: Date) =>
  selectCandidates(deps, and(eq(licenses.status, 'expired'), lte(licenses.expirationDate, utcDayOf(purgeCutoff(now)))));

/** Emits the 14-day warning; false when this license was already warned. */
export async function warnExpiringLicense(deps: AppDeps, license: LifecycleCandidate, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const { emitted } = await emit(tx, {
      type: 'license_expiring_soon',
      aggregateId: license.id,
      data: {
        license_id: license.id,
        store_id: license.storeId,
        expiration_date: license.expirationDate,
        days_until_expiration: daysUntil(new Date(`${license.expirationDate}T00:00:00Z`), now),
      },
      occurredAt: now,
    });
    return emitted;
  });
}

/**
 * verified → expired (DOMAIN §3.1): store KYC re-derived and always written, `license_expired`, and an audit
 * row by the scheduler. False when the license changed since it was selected.
 */
export async function expireLicense(deps: AppDeps, candidate: LifecycleCandidate, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const kycBefore = await lockStoreKyc(tx, candidate.storeId);
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, candidate.id)).for('update');
    if (license?.status !== 'verified' || !license.expirationDate) return false;
    await tx.update(licenses).set({ status: 'expired', updatedAt: now }).where(eq(licenses.id, license.id));
    const kycAfter = deriveKycStatus(await licenseStatusesOf(tx, license.storeId));
    await writeKyc(tx, license.storeId, kycAfter, now);
    await emit(tx, {
      type: 'license_expired',
      aggregateId: license.id,
      data: {
        license_id: license.id,
        store_id: license.storeId,
        expiration_date: license.expirationDate,
        expired_at: now.toISOString(),
      },
      occurredAt: now,
    });
    await recordAudit(tx, {
      actorUserId: null,
      actorKind: 'scheduler',
      storeId: license.storeId,
      action: 'license.expired',
      targetType: 'license',
      targetId: license.id,
      details: {
        before: { status: 'verified' },
        after: { status: 'expired' },
        expirationDate: license.expirationDate,
        kycBefore,
        kycAfter,
      },
    });
    return true;
  });
}

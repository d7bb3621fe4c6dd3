import type { KycStatus } from '../identity';

export const LICENSE_STATUSES = ['pending', 'verified', 'rejected', 'expired'] as const;
export type LicenseStatus = (typeof LICENSE_STATUSES)[number];

export const LICENSE_TYPES = ['producer', 'grower', 'dispensary', 'merchant'] as const;
export type LicenseType = (typeof LICENSE_TYPES)[number];

export const LICENSE_DECISIONS = ['verified', 'rejected'] as const;
export type LicenseDecision = (typeof LICENSE_DECISIONS)[number];

/** Only rejected or expired licenses may be deleted by their store (DOMAIN §3.1). */
export const DELETABLE_LICENSE_STATUSES: readonly LicenseStatus[] = ['rejected', 'expired'];

export const EXPIRY_WARNING_DAYS = 14;
/** Expiry looks back this far; a verified license older than that was missed and is left for an admin. */
export const EXPIRY_LOOKBACK_DAYS = 30;
/** Expired licenses are purged (row, attachment, media, object) this long after their expiration date. */
export const PURGE_AFTER_DAYS = 30;

const DAY_MS = 86_400_000;

/** DOMAIN §3.2: the store's KYC status follows from the set of its license statuses. */
export function deriveKycStatus(statuses: readonly LicenseStatus[]): KycStatus {
  if (statuses.includes('verified')) return 'verified';
  if (statuses.includes('expired') && !statuses.includes('rejected')) return 'expired';
  if (statuses.includes('rejected')) return 'rejected';
  return 'pending_verification';
}

/**
 * The KYC write an admin decision implies: never downgrade to pending on a decision, and write only a change.
 * Returns null when nothing is to be written.
 */
export function kycAfterDecision(current: KycStatus, statuses: readonly LicenseStatus[]): KycStatus | null {
  const derived = deriveKycStatus(statuses);
  if (derived === 'pending_verification' || derived === current) return null;
  return derived;
}

const startOfUtcDay = (at: Date): number => Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());

/** The UTC day, as [start, end), whose licenses get the 14-day warning when the job runs at `now`. */
export function warningWindow(now: Date): { from: Date; to: Date } {
  const start = startOfUtcDay(now) + EXPIRY_WARNING_DAYS * DAY_MS;
  return { from: new Date(start), to: new Date(start + DAY_MS) };
}

/** Verified licenses whose expiration date is in [now − 30 d, now) expire now. */
export function expiryWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - EXPIRY_LOOKBACK_DAYS * DAY_MS), to: now };
}

/** Expired licenses whose expiration date is at or before this instant are purged. */
export const purgeCutoff = (now: Date): Date => new Date(now.getTime() - PURGE_AFTER_DAYS * DAY_MS);

/** UTC calendar days from today to the expiration day (0 when it expires today or has expired). */
export function daysUntil(expiration: Date, now: Date): number {
  return Math.max(0, Math.ceil((startOfUtcDay(expiration) - startOfUtcDay(now)) / DAY_MS));
}

/** Pending media uploads older than this are abandoned and removed (DOMAIN §7). */
export const STALE_PENDING_MEDIA_DAYS = 7;

import {
  DELETABLE_LICENSE_STATUSES,
  type KycStatus,
  type LicenseStatus,
  type LicenseType,
  type MemberRole,
  roleAllows,
  type StoreType,
} from '@pf/domain';
import { countOf } from './plural';

export type Tone = 'pending' | 'success' | 'danger' | 'info' | 'neutral';

/** Status colours are fixed across the app (UI.md): pending amber, verified green, rejected/expired red. */
export const LICENSE_STATUS: Record<LicenseStatus, { label: string; tone: Tone }> = {
  pending: { label: 'Pending review', tone: 'pending' },
  verified: { label: 'Verified', tone: 'success' },
  rejected: { label: 'Rejected', tone: 'danger' },
  expired: { label: 'Expired', tone: 'danger' },
};

export const LICENSE_TYPE_LABEL: Record<LicenseType, string> = {
  producer: 'Producer',
  grower: 'Grower',
  dispensary: 'Dispensary',
  merchant: 'Merchant',
};

/** The license types a store of this kind usually holds first in the type select. */
export const LICENSE_TYPES_FOR: Record<StoreType, readonly LicenseType[]> = {
  buyer: ['dispensary', 'merchant', 'producer', 'grower'],
  vendor: ['grower', 'producer', 'merchant', 'dispensary'],
};

const DAY_MS = 86_400_000;
const DAY = { one: 'day', other: 'days' };
const utcDay = (date: Date) => Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());

/** `2026-03-04` (a calendar date, no time zone) as "Mar 4, 2026". */
export function formatCalendarDate(value: string): string {
  const [year, month, day] = value.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export interface ExpiryInfo {
  text: string;
  tone: 'danger' | 'pending' | 'neutral';
}

/**
 * "expires in 12 days" / "expires today" / "expired 3 days ago", counted in UTC calendar days as the
 * expiry job counts them. Amber inside the 14-day renewal window, red once past.
 */
export function expiryOf(expirationDate: string | null, now: Date = new Date()): ExpiryInfo {
  if (!expirationDate) return { text: 'No expiration date', tone: 'neutral' };
  const days = Math.round((utcDay(new Date(`${expirationDate}T00:00:00Z`)) - utcDay(now)) / DAY_MS);
  if (days < 0) return { text: `expired ${countOf(-days, DAY)} ago`, tone: 'danger' };
  if (days === 0) return { text: 'expires today', tone: 'danger' };
  return { text: `expires in ${countOf(days, DAY)}`, tone: days <= 14 ? 'pending' : 'neutral' };
}

/** Rejected or expired licenses may be removed, by owners and managers only (DOMAIN §3.1). */
export const canDeleteLicense = (status: LicenseStatus, role: MemberRole) =>
  DELETABLE_LICENSE_STATUSES.includes(status) && roleAllows(role, 'deleteLicense');

export const canSubmitLicense = (role: MemberRole) => roleAllows(role, 'submitLicense');

/** What the store's KYC status means for its trading, in one sentence (DOMAIN §3.2). */
export function kycMeaning(type: StoreType, status: KycStatus, subscriptionActive = true): string {
  const who = type === 'vendor' ? 'Buyers can’t see your products' : 'You can’t browse or order';
  switch (status) {
    case 'verified':
      if (type === 'buyer')
        return 'A license is verified: you can browse and order from licensed vendors in your state.';
      return subscriptionActive
        ? 'A license is verified: buyers can see and order your products.'
        : 'A license is verified. Buyers will see and order your products once your vendor subscription is active.';
    case 'pending_verification':
      return `${who} until an admin verifies one of your licenses. Reviews usually take one business day.`;
    case 'rejected':
      return `${who}: your license was rejected. Read the reason below and submit a corrected one.`;
    case 'expired':
      return `${who}: your license has expired. Upload the renewed license to trade again.`;
    case 'suspended':
      return `${who}: the store is suspended. Contact PackFinderz support.`;
  }
}

/** Today as `YYYY-MM-DD` in UTC, for date inputs' bounds. */
export const todayIso = (now: Date = new Date()) => new Date(utcDay(now)).toISOString().slice(0, 10);

import type { PromoDto } from '@pf/domain';
import { formatCount, formatMoney } from './catalog-format';

/**
 * Display helpers for vendor promo codes: percentages are integer basis points (1 bps = 0.01 %) and are turned
 * into text with integer arithmetic only, so "12.5 %" never becomes "12.499999 %". Dates are UTC calendar days,
 * as the billing and license pages count them. Pure and server-safe.
 */

const BPS_PER_PERCENT = 100;

/** `1250` → `12.5`, `1000` → `10`, `5` → `0.05` (the exact decimal, at most two places). */
export function bpsToPercentText(bps: number): string {
  const whole = Math.trunc(bps / BPS_PER_PERCENT);
  const hundredths = bps % BPS_PER_PERCENT;
  if (hundredths === 0) return String(whole);
  return `${whole}.${String(hundredths).padStart(2, '0').replace(/0$/, '')}`;
}

/**
 * A percentage as typed (`10`, `12.5`, `0.05`, `7 %`) → integer basis points; NaN when it is not a number with
 * at most two decimals (the form's schema then says so). Read digit by digit, never through a float.
 */
export function percentTextToBps(text: string): number {
  const match = /^(\d{1,7})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!match) return Number.NaN;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * BPS_PER_PERCENT + Number(fraction.padEnd(2, '0'));
}

/** What the code takes off: `10 %` or `$5.00 off`. */
export function formatPromoDiscount(promo: Pick<PromoDto, 'kind' | 'percentBps' | 'amountCents'>): string {
  return promo.kind === 'percent'
    ? `${bpsToPercentText(promo.percentBps ?? 0)} %`
    : `${formatMoney(promo.amountCents ?? 0)} off`;
}

/** The order subtotal the code needs: `$100.00 minimum`, or `No minimum`. */
export const formatPromoMinimum = (cents: number): string =>
  cents > 0 ? `${formatMoney(cents)} minimum` : 'No minimum';

/** `3 / 100 uses` or `3 uses, no limit`. */
export function formatPromoUses(usedCount: number, usageLimit: number | null): string {
  if (usageLimit === null) return `${formatCount(usedCount)} ${usedCount === 1 ? 'use' : 'uses'}, no limit`;
  return `${formatCount(usedCount)} / ${formatCount(usageLimit)} uses`;
}

const dayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});
const DAY_MS = 86_400_000;

/** `2026-12-31` → the instant its UTC day ends (`2027-01-01T00:00:00.000Z`): a code is good through its last day. */
export function endOfUtcDayIso(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const start = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-31 over to March; a date that does not exist is not a date.
  if (new Date(start).getUTCDate() !== day) return null;
  return new Date(start + DAY_MS).toISOString();
}

/** The last UTC day an expiry still allows (`2027-01-01T00:00:00Z` → `2026-12-31`), for a date input. */
export function lastUtcDayOf(expiresAt: string): string {
  return new Date(new Date(expiresAt).getTime() - 1).toISOString().slice(0, 10);
}

export interface ValidityText {
  text: string;
  /** The exact instant, for the hover title. */
  title: string | null;
}

/** "Until Dec 31, 2026", "Ended Dec 5, 2026" or "No end date", counted in UTC days. */
export function formatPromoValidity(expiresAt: string | null, now: Date): ValidityText {
  if (!expiresAt) return { text: 'No end date', title: null };
  const end = new Date(expiresAt);
  const title = `${end.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (end.getTime() <= now.getTime()) return { text: `Ended ${dayFormat.format(end)}`, title };
  return { text: `Until ${dayFormat.format(new Date(end.getTime() - 1))}`, title };
}

export const PROMO_STATUSES = ['active', 'paused', 'expired', 'used_up'] as const;
export type PromoStatus = (typeof PROMO_STATUSES)[number];

type StatusFacts = Pick<PromoDto, 'active' | 'expiresAt' | 'usageLimit' | 'usedCount'>;

/**
 * What the vendor sees a code as. Unlike the API's `state` (why a buyer cannot use it, inactive first), an ended
 * code reads "Expired" even though ending it also switched it off: the end date is what the vendor set last.
 */
export function promoStatusOf(promo: StatusFacts, now: Date): PromoStatus {
  if (promo.expiresAt !== null && new Date(promo.expiresAt).getTime() <= now.getTime()) return 'expired';
  if (!promo.active) return 'paused';
  if (promo.usageLimit !== null && promo.usedCount >= promo.usageLimit) return 'used_up';
  return 'active';
}

export type PromoTone = 'success' | 'neutral' | 'danger';

/** How each status reads in a badge and the filter (always words, never colour alone). */
export const PROMO_STATUS_LABELS: Record<PromoStatus, { label: string; tone: PromoTone }> = {
  active: { label: 'Active', tone: 'success' },
  paused: { label: 'Paused', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'danger' },
  used_up: { label: 'Used up', tone: 'neutral' },
};

/** Ending a code is offered until it has ended (expiring an expired code changes nothing). */
export const canExpire = (status: PromoStatus) => status !== 'expired';

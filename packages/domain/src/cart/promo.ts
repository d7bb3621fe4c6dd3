import { perUnitDiscountCents } from '../catalog/pricing';
import type { PromoKind, PromoRejectionReason } from '../commerce/enums';

/** A basis point is a hundredth of a percent: 100 parts per million. */
const PPM_PER_BPS = 100;

/** A vendor promo as stored (DOMAIN §4.7, with percent and usage rules the original lacked). */
export interface PromoFacts {
  id: string;
  vendorStoreId: string;
  code: string;
  kind: PromoKind;
  percentBps: number | null;
  amountCents: number | null;
  minSubtotalCents: number;
  usageLimit: number | null;
  usedCount: number;
  active: boolean;
  expiresAt: Date | null;
}

export type PromoDecision =
  | { applies: true; discountCents: number }
  | { applies: false; reason: PromoRejectionReason; minSubtotalCents?: number };

/** Why a stored promo cannot be used right now, or null if it can (the subtotal is checked separately). */
export function promoUnusableReason(promo: PromoFacts | null, now: Date): PromoRejectionReason | null {
  if (!promo) return 'unknown';
  if (!promo.active) return 'inactive';
  if (promo.expiresAt && promo.expiresAt.getTime() <= now.getTime()) return 'expired';
  if (promo.usageLimit !== null && promo.usedCount >= promo.usageLimit) return 'exhausted';
  return null;
}

/**
 * What a promo takes off a vendor group whose subtotal after volume discounts is `discountedSubtotalCents`.
 * Percent: basis points of that amount, rounded once (half away from zero) for the whole group. Fixed: its face
 * value, capped so the group never goes below zero.
 */
export function promoDiscountCents(
  promo: Pick<PromoFacts, 'kind' | 'percentBps' | 'amountCents'>,
  discountedSubtotalCents: number,
): number {
  const base = Math.max(0, discountedSubtotalCents);
  const raw =
    promo.kind === 'percent'
      ? perUnitDiscountCents(base, (promo.percentBps ?? 0) * PPM_PER_BPS)
      : (promo.amountCents ?? 0);
  return Math.min(Math.max(raw, 0), base);
}

/** Applies the whole promo rule to one group at `now`. */
export function decidePromo(promo: PromoFacts | null, discountedSubtotalCents: number, now: Date): PromoDecision {
  const unusable = promoUnusableReason(promo, now);
  if (unusable || !promo) return { applies: false, reason: unusable ?? 'unknown' };
  if (discountedSubtotalCents < promo.minSubtotalCents || discountedSubtotalCents <= 0) {
    return { applies: false, reason: 'below_minimum', minSubtotalCents: promo.minSubtotalCents };
  }
  return { applies: true, discountCents: promoDiscountCents(promo, discountedSubtotalCents) };
}

export const PROMO_REJECTION_MESSAGES: Record<PromoRejectionReason, string> = {
  unknown: 'Promo code is not valid for this vendor.',
  inactive: 'This promo code is no longer active.',
  expired: 'This promo code has expired.',
  exhausted: 'This promo code has been used up.',
  below_minimum: 'Your order from this vendor is below the minimum for this promo code.',
};

import type { PromoKind } from '../commerce/enums';
import { promoDiscountCents } from './promo';

export interface OrderLineAmounts {
  lineSubtotalCents: number;
  discountCents: number;
}

export interface PromoTerms {
  kind: PromoKind;
  percentBps: number | null;
  amountCents: number | null;
  minSubtotalCents: number;
}

export interface OrderTotals {
  subtotalCents: number;
  lineDiscountsCents: number;
  promoDiscountCents: number;
  discountsCents: number;
  totalCents: number;
  /** Whether the promo (if any) still qualifies on the reserved lines. */
  promoQualifies: boolean;
}

/**
 * Checkout-time totals of one vendor order over the lines whose stock was reserved (DOMAIN §4.10, §12.C1):
 * volume discounts and the promo both count, so total = subtotal − discounts and the payment intent takes it.
 * The promo is re-applied to the reserved lines with the quoted terms; below its minimum it drops out.
 */
export function orderTotals(reserved: readonly OrderLineAmounts[], promo: PromoTerms | null): OrderTotals {
  const subtotalCents = reserved.reduce((sum, line) => sum + line.lineSubtotalCents, 0);
  const lineDiscountsCents = reserved.reduce((sum, line) => sum + line.discountCents, 0);
  const discounted = subtotalCents - lineDiscountsCents;
  const promoQualifies = promo !== null && discounted > 0 && discounted >= promo.minSubtotalCents;
  const promoCents = promoQualifies && promo ? promoDiscountCents(promo, discounted) : 0;
  const discountsCents = lineDiscountsCents + promoCents;
  return {
    subtotalCents,
    lineDiscountsCents,
    promoDiscountCents: promoCents,
    discountsCents,
    totalCents: subtotalCents - discountsCents,
    promoQualifies,
  };
}

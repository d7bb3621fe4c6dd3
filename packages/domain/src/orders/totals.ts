import { type OrderTotals, orderTotals } from '../cart/order-totals';
import type { LineItemStatus, PromoKind } from '../commerce/enums';

export interface DecidedLine {
  status: LineItemStatus;
  lineSubtotalCents: number;
  discountCents: number;
}

/** The promo as applied at checkout (the order's snapshot); null when none applied. */
export interface AppliedPromo {
  kind: PromoKind;
  percentBps: number | null;
  amountCents: number | null;
}

/**
 * Order totals after line decisions (DOMAIN §4.11): over the lines not rejected, with the promo the order
 * already earned at checkout re-applied on what is left (percent of the rest; a fixed amount capped so the
 * total never goes below zero). Its minimum is not re-checked: the buyer qualified when ordering and the
 * vendor's rejection must not cost them the code.
 */
export function recomputeOrderTotals(lines: readonly DecidedLine[], promo: AppliedPromo | null): OrderTotals {
  const kept = lines.filter((line) => line.status !== 'rejected');
  return orderTotals(kept, promo ? { ...promo, minSubtotalCents: 0 } : null);
}

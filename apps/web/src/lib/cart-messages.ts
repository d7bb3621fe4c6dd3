import {
  type CartLineWarningDto,
  CHECKOUT_FAILURE_MESSAGES,
  type CheckoutFailureReason,
  type PaymentMethod,
  type VendorGroupWarningDto,
  type VendorOrderStatus,
} from '@pf/domain';
import { formatMoney } from './catalog-format';

/** Why a vendor's promo code did not apply, and what the buyer can do about it; null when it applied. */
export function promoRefusal(warnings: readonly VendorGroupWarningDto[]): string | null {
  const warning = warnings.find((item) => item.code === 'invalid_promo');
  if (!warning) return null;
  switch (warning.reason) {
    case 'unknown':
      return 'This vendor has no such code. Check the spelling.';
    case 'inactive':
      return 'This code is paused by the vendor.';
    case 'expired':
      return 'This code has expired.';
    case 'exhausted':
      return 'This code has been used up.';
    case 'below_minimum':
      return warning.minSubtotalCents === undefined
        ? 'Your order with this vendor is below the code’s minimum.'
        : `Applies from ${formatMoney(warning.minSubtotalCents)} with this vendor (after volume discounts).`;
    default:
      return warning.message;
  }
}

/** Line problems that keep it out of the order (the quote's hard line states). */
export const BLOCKING_LINE_WARNINGS = new Set<CartLineWarningDto['code']>(['not_available', 'vendor_mismatch']);

/** The sentence shown under a cart line for one of its warnings. */
export function lineWarningText(warning: CartLineWarningDto): string {
  switch (warning.code) {
    case 'not_available':
      return warning.availableQuantity === undefined
        ? 'Not available right now.'
        : warning.availableQuantity === 0
          ? 'Out of stock: this line will not be ordered.'
          : `Only ${warning.availableQuantity} available: lower the quantity to order it.`;
    case 'price_changed':
      return warning.previousUnitPriceCents === undefined
        ? 'The price changed since your last quote.'
        : `Price changed from ${formatMoney(warning.previousUnitPriceCents)}.`;
    default:
      return warning.message;
  }
}

export type Tone = 'pending' | 'success' | 'danger' | 'info' | 'neutral';

const ORDER_STATUS: Partial<Record<VendorOrderStatus, { label: string; tone: Tone }>> = {
  created_pending: { label: 'Awaiting vendor', tone: 'pending' },
  accepted: { label: 'Accepted', tone: 'success' },
  partially_accepted: { label: 'Partly accepted', tone: 'success' },
  rejected: { label: 'Not placed', tone: 'danger' },
  ready_for_dispatch: { label: 'Ready for dispatch', tone: 'info' },
  in_transit: { label: 'In transit', tone: 'info' },
  delivered: { label: 'Delivered', tone: 'success' },
  canceled: { label: 'Canceled', tone: 'danger' },
  expired: { label: 'Expired', tone: 'danger' },
};

/** A vendor order's status as a badge (text and colour, UI.md). */
export function orderStatusBadge(status: VendorOrderStatus): { label: string; tone: Tone } {
  return (
    ORDER_STATUS[status] ?? {
      label: status.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase()),
      tone: 'neutral',
    }
  );
}

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: 'Cash on delivery',
  ach: 'ACH bank transfer',
};

/** Why a line (or a whole vendor order) was not placed. */
export const failureText = (reason: CheckoutFailureReason | null, message: string | null): string =>
  message ?? (reason ? CHECKOUT_FAILURE_MESSAGES[reason] : 'Not placed.');

/** What the checkout page says (and offers) for a refused `checkout.submit`. */
export function checkoutRefusal(code: string, message: string): { text: string; requote: boolean } {
  if (code === 'QUOTE_EXPIRED')
    return { text: 'Your quote expired. Refresh it to see current prices, then place the order.', requote: true };
  if (code === 'CONFLICT') return { text: message, requote: true };
  return { text: message, requote: false };
}

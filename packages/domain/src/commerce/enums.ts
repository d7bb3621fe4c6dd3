/** Cart, order and payment vocabularies (DOMAIN §2.1, §3.4–3.10). */
export const CART_STATUSES = ['active', 'converted'] as const;
export type CartStatus = (typeof CART_STATUSES)[number];

export const CART_ITEM_STATUSES = ['ok', 'not_available', 'invalid'] as const;
export type CartItemStatus = (typeof CART_ITEM_STATUSES)[number];

/** Soft, per-line problems found at quote time (DOMAIN §4.9); only `not_available`/`vendor_mismatch` change status. */
export const CART_LINE_WARNING_CODES = [
  'clamped_to_moq',
  'clamped_to_max',
  'price_changed',
  'not_available',
  'vendor_mismatch',
  'merged_duplicates',
] as const;
export type CartLineWarningCode = (typeof CART_LINE_WARNING_CODES)[number];

export const VENDOR_GROUP_STATUSES = ['ok', 'invalid'] as const;
export type VendorGroupStatus = (typeof VENDOR_GROUP_STATUSES)[number];

export const VENDOR_GROUP_WARNING_CODES = ['vendor_invalid', 'invalid_promo'] as const;
export type VendorGroupWarningCode = (typeof VENDOR_GROUP_WARNING_CODES)[number];

/** Why a promo code did not apply; carried on the `invalid_promo` warning so the UI can say what to do. */
export const PROMO_REJECTION_REASONS = ['unknown', 'inactive', 'expired', 'exhausted', 'below_minimum'] as const;
export type PromoRejectionReason = (typeof PROMO_REJECTION_REASONS)[number];

export const PROMO_KINDS = ['percent', 'fixed'] as const;
export type PromoKind = (typeof PROMO_KINDS)[number];

export const PAYMENT_METHODS = ['cash', 'ach'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export const VENDOR_ORDER_STATUSES = [
  'created_pending',
  'accepted',
  'partially_accepted',
  'rejected',
  'fulfilled',
  'partially_fulfilled',
  'ready_for_dispatch',
  'hold',
  'hold_on_payment',
  'hold_for_pickup',
  'in_transit',
  'delivered',
  'closed',
  'canceled',
  'expired',
] as const;
export type VendorOrderStatus = (typeof VENDOR_ORDER_STATUSES)[number];

export const FULFILLMENT_STATUSES = ['pending', 'partial', 'fulfilled'] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

export const SHIPPING_STATUSES = ['pending', 'dispatched', 'in_transit', 'delivered'] as const;
export type ShippingStatus = (typeof SHIPPING_STATUSES)[number];

export const REFUND_STATUSES = ['none', 'partial', 'full'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export const LINE_ITEM_STATUSES = ['pending', 'accepted', 'rejected', 'fulfilled', 'hold'] as const;
export type LineItemStatus = (typeof LINE_ITEM_STATUSES)[number];

export const PAYMENT_STATUSES = ['unpaid', 'pending', 'settled', 'paid', 'failed', 'rejected'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const LEDGER_EVENT_TYPES = ['cash_collected', 'vendor_payout', 'adjustment', 'refund'] as const;
export type LedgerEventType = (typeof LEDGER_EVENT_TYPES)[number];

/**
 * Why a line (or a whole vendor order) was not placed at checkout. Stored in `order_line_items.notes` /
 * `vendor_orders.failure_reason`; the UI shows the matching message.
 */
export const CHECKOUT_FAILURE_REASONS = [
  'insufficient_inventory',
  'product_unavailable',
  'vendor_unavailable',
  'vendor_license_invalid',
  'buyer_license_invalid',
] as const;
export type CheckoutFailureReason = (typeof CHECKOUT_FAILURE_REASONS)[number];

export const CHECKOUT_FAILURE_MESSAGES: Record<CheckoutFailureReason, string> = {
  insufficient_inventory: 'Not enough stock left to reserve this quantity.',
  product_unavailable: 'This product is no longer available.',
  vendor_unavailable: 'This vendor is not accepting orders from your store right now.',
  vendor_license_invalid: "The vendor's license is no longer valid, so it cannot take this order.",
  buyer_license_invalid: 'Your store needs a verified, unexpired license in the vendor’s state to order.',
};

/** Order-level notices kept on the vendor order (e.g. a promo that could no longer be applied at checkout). */
export const ORDER_WARNING_CODES = ['promo_dropped'] as const;
export type OrderWarningCode = (typeof ORDER_WARNING_CODES)[number];

/** A quote is a price promise for this long (DOMAIN §4.6). */
export const QUOTE_TTL_MS = 15 * 60 * 1000;
/** Lines per cart: far above a real wholesale order, low enough to bound one quote's work. */
export const MAX_CART_LINES = 200;
/** Largest quantity one line may ask for (the catalog's own stock and MOQ limits are the same bound). */
export const MAX_LINE_QUANTITY = 1_000_000;
export const MAX_PROMO_CENTS = 100_000_000;
/** Basis points: 10 000 = 100 %. */
export const BPS_PER_WHOLE = 10_000;

import { z } from 'zod';
import { addressSchema } from '../address';
import { PRODUCT_UNITS } from '../catalog/enums';
import {
  CART_ITEM_STATUSES,
  CHECKOUT_FAILURE_REASONS,
  FULFILLMENT_STATUSES,
  LINE_ITEM_STATUSES,
  ORDER_WARNING_CODES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  PROMO_KINDS,
  SHIPPING_STATUSES,
  VENDOR_ORDER_STATUSES,
} from '../commerce/enums';
import { uuidSchema } from '../text';
import { cartLineWarningDto } from './cart';

/**
 * `checkout.submit` (Idempotency-Key required, 7 days). Prices come from the quoted cart; the shipping address
 * defaults to the buyer store's address and must be in the buyer's state; billing defaults to shipping. ACH
 * is accepted only for buyer stores that have it enabled.
 */
export const checkoutSubmitInput = z.strictObject({
  cartId: uuidSchema,
  paymentMethod: z.enum(PAYMENT_METHODS, 'must be cash or ach'),
  shippingAddress: addressSchema.optional(),
  billingAddress: addressSchema.optional(),
});
export type CheckoutSubmitInput = z.input<typeof checkoutSubmitInput>;
export type CheckoutSubmitRequest = z.output<typeof checkoutSubmitInput>;

/** A checkout group id or a cart id (DOMAIN §5.9). */
export const checkoutConfirmationInput = z.strictObject({ identifier: uuidSchema });

export const checkoutLineDto = z.object({
  lineItemId: z.string(),
  cartItemId: z.string().nullable(),
  productId: z.string().nullable(),
  title: z.string(),
  thumbnailUrl: z.string().nullable(),
  unit: z.enum(PRODUCT_UNITS),
  quantity: z.number().int(),
  unitPriceCents: z.number().int(),
  lineSubtotalCents: z.number().int(),
  /** Volume discount of the line. */
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  tierLabel: z.string().nullable(),
  status: z.enum(LINE_ITEM_STATUSES),
  /** Set when the line was not placed (status rejected at checkout). */
  failureReason: z.enum(CHECKOUT_FAILURE_REASONS).nullable(),
  failureMessage: z.string().nullable(),
});
export type CheckoutLineDto = z.infer<typeof checkoutLineDto>;

export const orderWarningDto = z.object({ code: z.enum(ORDER_WARNING_CODES), message: z.string() });

export const orderPromoDto = z.object({
  code: z.string(),
  kind: z.enum(PROMO_KINDS),
  percentBps: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  discountCents: z.number().int(),
});

export const paymentIntentDto = z.object({
  id: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  /** Always equals the order total (DOMAIN §4.10). */
  amountCents: z.number().int(),
});

export const checkoutVendorOrderDto = z.object({
  orderId: z.string(),
  orderNumber: z.number().int(),
  vendorStoreId: z.string(),
  vendorStoreName: z.string(),
  /** created_pending when at least one line was reserved, rejected when none (then failureReason says why). */
  status: z.enum(VENDOR_ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  shippingStatus: z.enum(SHIPPING_STATUSES),
  paymentMethod: z.enum(PAYMENT_METHODS),
  /** Over the reserved lines only. */
  subtotalCents: z.number().int(),
  lineDiscountsCents: z.number().int(),
  promoDiscountCents: z.number().int(),
  discountsCents: z.number().int(),
  totalCents: z.number().int(),
  balanceDueCents: z.number().int(),
  promo: orderPromoDto.nullable(),
  failureReason: z.enum(CHECKOUT_FAILURE_REASONS).nullable(),
  failureMessage: z.string().nullable(),
  warnings: z.array(orderWarningDto),
  paymentIntent: paymentIntentDto,
  lines: z.array(checkoutLineDto),
  createdAt: z.string(),
});
export type CheckoutVendorOrderDto = z.infer<typeof checkoutVendorOrderDto>;

/** Cart lines that were not `ok` at quote time and so were never sent to a vendor. */
export const skippedCartItemDto = z.object({
  cartItemId: z.string(),
  productId: z.string(),
  vendorStoreId: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  status: z.enum(CART_ITEM_STATUSES),
  warnings: z.array(cartLineWarningDto),
});

/** The answer of `checkout.submit` and `checkout.confirmation` (live statuses on the latter). */
export const checkoutResultDto = z.object({
  checkoutGroupId: z.string(),
  cartId: z.string(),
  convertedAt: z.string(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  shippingAddress: addressSchema,
  billingAddress: addressSchema,
  currency: z.literal('USD'),
  /** Sums over the vendor orders (reserved lines only). */
  subtotalCents: z.number().int(),
  discountsCents: z.number().int(),
  totalCents: z.number().int(),
  /** Orders with at least one reserved line. */
  placedOrderCount: z.number().int(),
  failedLineCount: z.number().int(),
  /** Sorted by vendor store id. */
  vendorOrders: z.array(checkoutVendorOrderDto),
  skippedItems: z.array(skippedCartItemDto),
});
export type CheckoutResultDto = z.infer<typeof checkoutResultDto>;

import { z } from 'zod';
import { addressSchema } from '../address';
import { PRODUCT_UNITS } from '../catalog/enums';
import {
  FULFILLMENT_STATUSES,
  LINE_ITEM_STATUSES,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  SHIPPING_STATUSES,
  VENDOR_ORDER_STATUSES,
} from '../commerce/enums';
import { TIMELINE_EVENT_TYPES } from '../orders/timeline';
import { LINE_DECISIONS, ORDER_DECISIONS } from '../orders/transitions';
import { optionalText, uuidSchema } from '../text';
import { orderPromoDto } from './checkout';

const dateTime = z.iso.datetime({ offset: true, message: 'must be a date-time with a time zone' });

/**
 * `vendorOrders.list` / `buyerOrders.list` (DOMAIN §5.10): newest first, keyset pages. `q` matches the order
 * number, the other party's store name, or a product name on the order. Counts per status ignore `status`
 * (they feed the tabs) but honour the other filters.
 */
export const orderListInput = z
  .strictObject({
    status: z.enum(VENDOR_ORDER_STATUSES).optional(),
    /** On the order's creation time: from inclusive, to exclusive. */
    dateFrom: dateTime.optional(),
    dateTo: dateTime.optional(),
    q: optionalText(100),
    limit: z.number().int('must be a whole number').min(1).max(100).default(25),
    cursor: z.string().min(1, 'is invalid').max(200, 'is invalid').nullish(),
    /** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .refine((input) => !input.dateFrom || !input.dateTo || Date.parse(input.dateFrom) < Date.parse(input.dateTo), {
    path: ['dateTo'],
    message: 'must be after dateFrom',
  })
  .prefault({});
export type OrderListQuery = z.output<typeof orderListInput>;

export const orderPartyDto = z.object({ storeId: z.string(), name: z.string() });

export const orderListItemDto = z.object({
  id: z.string(),
  orderNumber: z.number().int(),
  createdAt: z.string(),
  status: z.enum(VENDOR_ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  shippingStatus: z.enum(SHIPPING_STATUSES),
  paymentStatus: z.enum(PAYMENT_STATUSES),
  totalCents: z.number().int(),
  discountsCents: z.number().int(),
  /** Units across the lines still on the order (not rejected). */
  totalItems: z.number().int(),
  lineCount: z.number().int(),
  /** The vendor for a buyer, the buyer for a vendor. */
  counterparty: orderPartyDto,
});
export type OrderListItemDto = z.infer<typeof orderListItemDto>;

export const orderStatusCounts = z.record(z.enum(VENDOR_ORDER_STATUSES), z.number().int());

export const orderListPage = z.object({
  items: z.array(orderListItemDto),
  nextCursor: z.string().nullable(),
  /** Orders per status (and `all`) matching every filter but `status`. */
  counts: z.object({ all: z.number().int(), byStatus: orderStatusCounts }),
});
export type OrderListPage = z.infer<typeof orderListPage>;

export const orderIdInput = z.strictObject({ orderId: uuidSchema });

export const orderLineDto = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  name: z.string(),
  sku: z.string(),
  category: z.string(),
  strain: z.string().nullable(),
  classification: z.string().nullable(),
  thumbnailUrl: z.string().nullable(),
  unit: z.enum(PRODUCT_UNITS),
  unitPriceCents: z.number().int(),
  quantity: z.number().int(),
  lineSubtotalCents: z.number().int(),
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  tierLabel: z.string().nullable(),
  status: z.enum(LINE_ITEM_STATUSES),
  /** Why a line was rejected (a reason code or the vendor's note). */
  notes: z.string().nullable(),
  updatedAt: z.string(),
});

export const orderPaymentIntentDto = z.object({
  id: z.string(),
  method: z.enum(PAYMENT_METHODS),
  status: z.enum(PAYMENT_STATUSES),
  /** Always equals the order total. */
  amountCents: z.number().int(),
  cashCollectedAt: z.string().nullable(),
  vendorPaidAt: z.string().nullable(),
  failureReason: z.string().nullable(),
});

export const orderTimelineEntryDto = z.object({
  eventId: z.string(),
  type: z.enum(TIMELINE_EVENT_TYPES),
  occurredAt: z.string(),
  title: z.string(),
});

export const orderDetailDto = z.object({
  id: z.string(),
  orderNumber: z.number().int(),
  checkoutGroupId: z.string(),
  buyer: orderPartyDto,
  vendor: orderPartyDto,
  status: z.enum(VENDOR_ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  shippingStatus: z.enum(SHIPPING_STATUSES),
  currency: z.literal('USD'),
  subtotalCents: z.number().int(),
  lineDiscountsCents: z.number().int(),
  promoDiscountCents: z.number().int(),
  discountsCents: z.number().int(),
  totalCents: z.number().int(),
  balanceDueCents: z.number().int(),
  paymentMethod: z.enum(PAYMENT_METHODS),
  promo: orderPromoDto.nullable(),
  shippingAddress: addressSchema.nullable(),
  lines: z.array(orderLineDto),
  paymentIntent: orderPaymentIntentDto,
  timeline: z.array(orderTimelineEntryDto),
  createdAt: z.string(),
  updatedAt: z.string(),
  fulfilledAt: z.string().nullable(),
  canceledAt: z.string().nullable(),
  expiredAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
export type OrderDetailDto = z.infer<typeof orderDetailDto>;

/** `vendorOrders.decide` (Idempotency-Key, 7 days). */
export const decideOrderInput = z.strictObject({
  orderId: uuidSchema,
  decision: z.enum(ORDER_DECISIONS, 'must be accept or reject'),
});
export type DecideOrderInput = z.output<typeof decideOrderInput>;

/** `vendorOrders.decideLine` (Idempotency-Key, 7 days): the note is shown to the buyer. */
export const decideLineInput = z.strictObject({
  orderId: uuidSchema,
  lineItemId: uuidSchema,
  decision: z.enum(LINE_DECISIONS, 'must be fulfill or reject'),
  note: optionalText(500),
});
export type DecideLineInput = z.output<typeof decideLineInput>;

/** `buyerOrders.cancel` (Idempotency-Key, 7 days). */
export const cancelOrderInput = z.strictObject({ orderId: uuidSchema, reason: optionalText(500) });
export type CancelOrderInput = z.output<typeof cancelOrderInput>;

/**
 * What a decision or cancel answers: the order's state after it, and whether this call changed it (false: it
 * was already in that state, nothing was written).
 */
export const orderChangeResultDto = z.object({
  orderId: z.string(),
  changed: z.boolean(),
  status: z.enum(VENDOR_ORDER_STATUSES),
  fulfillmentStatus: z.enum(FULFILLMENT_STATUSES),
  totalCents: z.number().int(),
  balanceDueCents: z.number().int(),
  paymentAmountCents: z.number().int(),
  lines: z.array(z.object({ id: z.string(), status: z.enum(LINE_ITEM_STATUSES), totalCents: z.number().int() })),
});
export type OrderChangeResultDto = z.infer<typeof orderChangeResultDto>;

import {
  type Address,
  type CartLineWarningDto,
  CHECKOUT_FAILURE_REASONS,
  FULFILLMENT_STATUSES,
  LEDGER_EVENT_TYPES,
  LINE_ITEM_STATUSES,
  PAYMENT_STATUSES,
  PRODUCT_CATEGORIES,
  REFUND_STATUSES,
  SHIPPING_STATUSES,
  VENDOR_ORDER_STATUSES,
} from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cartItems, cartRecords, type PromoSnapshot, paymentMethod, vendorPromos } from './cart';
import { products, productUnit } from './catalog';
import { media } from './compliance';
import { stores, users } from './identity';

export const vendorOrderStatus = pgEnum('vendor_order_status', VENDOR_ORDER_STATUSES);
export const fulfillmentStatus = pgEnum('fulfillment_status', FULFILLMENT_STATUSES);
export const shippingStatus = pgEnum('shipping_status', SHIPPING_STATUSES);
export const refundStatus = pgEnum('refund_status', REFUND_STATUSES);
export const lineItemStatus = pgEnum('line_item_status', LINE_ITEM_STATUSES);
export const paymentStatus = pgEnum('payment_status', PAYMENT_STATUSES);
export const ledgerEventType = pgEnum('ledger_event_type', LEDGER_EVENT_TYPES);

/** Human-facing order numbers, global and increasing (gaps from rolled-back checkouts are expected). */
export const vendorOrderNumberSeq = pgSequence('vendor_order_number_seq', { startWith: 1 });

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
const failureReasons = sql.raw(CHECKOUT_FAILURE_REASONS.map((reason) => `'${reason}'`).join(', '));

export interface OrderWarning {
  code: 'promo_dropped';
  message: string;
}

/**
 * One vendor's part of one checkout (DOMAIN §2.18). Totals are over reserved lines (§4.10) and the checks
 * keep them adding up; the unique (checkout group, vendor) makes a concurrent duplicate impossible.
 */
export const vendorOrders = pgTable(
  'vendor_orders',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderNumber: bigint({ mode: 'number' }).notNull().default(sql`nextval('vendor_order_number_seq')`),
    cartId: uuid()
      .notNull()
      .references(() => cartRecords.id, { onDelete: 'restrict' }),
    checkoutGroupId: uuid().notNull(),
    buyerStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    vendorStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    vendorStoreName: text().notNull(),
    status: vendorOrderStatus().notNull().default('created_pending'),
    fulfillmentStatus: fulfillmentStatus().notNull().default('pending'),
    shippingStatus: shippingStatus().notNull().default('pending'),
    refundStatus: refundStatus().notNull().default('none'),
    currency: text().notNull().default('USD'),
    subtotalCents: integer().notNull(),
    lineDiscountsCents: integer().notNull().default(0),
    promoDiscountCents: integer().notNull().default(0),
    discountsCents: integer().notNull().default(0),
    taxCents: integer().notNull().default(0),
    transportFeeCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    balanceDueCents: integer().notNull().default(0),
    paymentMethod: paymentMethod().notNull().default('cash'),
    shippingAddress: jsonb().$type<Address>(),
    billingAddress: jsonb().$type<Address>(),
    promoId: uuid().references(() => vendorPromos.id, { onDelete: 'set null' }),
    promo: jsonb().$type<PromoSnapshot>(),
    warnings: jsonb().$type<OrderWarning[]>().notNull().default(sql`'[]'`),
    /** Why no line could be placed (status `rejected` at checkout). */
    failureReason: text({ enum: CHECKOUT_FAILURE_REASONS }),
    adToken: text(),
    notes: text(),
    internalNotes: text(),
    fulfilledAt: timestamp({ withTimezone: true }),
    deliveredAt: timestamp({ withTimezone: true }),
    canceledAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('vendor_orders_order_number_key').on(t.orderNumber),
    uniqueIndex('vendor_orders_checkout_vendor_key').on(t.checkoutGroupId, t.vendorStoreId),
    index('vendor_orders_buyer_created_idx').on(t.buyerStoreId, t.createdAt.desc()),
    index('vendor_orders_vendor_created_idx').on(t.vendorStoreId, t.createdAt.desc()),
    index('vendor_orders_status_idx').on(t.status),
    index('vendor_orders_cart_idx').on(t.cartId),
    check('vendor_orders_parties_check', sql`${t.buyerStoreId} <> ${t.vendorStoreId}`),
    check(
      'vendor_orders_totals_check',
      sql`${t.subtotalCents} >= 0 and ${t.lineDiscountsCents} >= 0 and ${t.promoDiscountCents} >= 0
        and ${t.discountsCents} = ${t.lineDiscountsCents} + ${t.promoDiscountCents}
        and ${t.discountsCents} <= ${t.subtotalCents} and ${t.taxCents} >= 0 and ${t.transportFeeCents} >= 0
        and ${t.totalCents} = ${t.subtotalCents} - ${t.discountsCents} + ${t.taxCents} + ${t.transportFeeCents}
        and ${t.balanceDueCents} between 0 and ${t.totalCents}`,
    ),
    check(
      'vendor_orders_failure_reason_check',
      sql`${t.failureReason} is null or ${t.failureReason} in (${failureReasons})`,
    ),
  ],
);

/** A line of a vendor order (DOMAIN §2.19), with the product snapshot the buyer ordered. */
export const orderLineItems = pgTable(
  'order_line_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: 'cascade' }),
    position: integer().notNull().default(0),
    productId: uuid().references(() => products.id, { onDelete: 'set null' }),
    cartItemId: uuid().references(() => cartItems.id, { onDelete: 'set null' }),
    name: text().notNull(),
    sku: text().notNull().default(''),
    category: text({ enum: PRODUCT_CATEGORIES }).notNull(),
    strain: text(),
    classification: text(),
    thumbnailMediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    unit: productUnit().notNull(),
    unitPriceCents: integer().notNull(),
    qty: integer().notNull(),
    moq: integer(),
    maxQty: integer(),
    lineSubtotalCents: integer().notNull().default(0),
    discountCents: integer().notNull().default(0),
    totalCents: integer().notNull(),
    tierLabel: text(),
    warnings: jsonb().$type<CartLineWarningDto[]>().notNull().default(sql`'[]'`),
    status: lineItemStatus().notNull().default('pending'),
    /** Rejection reason code (a checkout failure reason) or a vendor note. */
    notes: text(),
    adToken: text(),
    ...timestamps,
  },
  (t) => [
    index('order_line_items_order_idx').on(t.orderId),
    index('order_line_items_product_idx').on(t.productId),
    index('order_line_items_status_idx').on(t.status),
    index('order_line_items_cart_item_idx').on(t.cartItemId),
    check('order_line_items_qty_check', sql`${t.qty} > 0`),
    check(
      'order_line_items_money_check',
      sql`${t.unitPriceCents} >= 0 and ${t.lineSubtotalCents} = ${t.unitPriceCents} * ${t.qty}
        and ${t.discountCents} between 0 and ${t.lineSubtotalCents}
        and ${t.totalCents} = ${t.lineSubtotalCents} - ${t.discountCents}`,
    ),
  ],
);

/** Exactly one per vendor order (DOMAIN §2.20); the amount tracks the order total. */
export const paymentIntents = pgTable(
  'payment_intents',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: 'cascade' }),
    method: paymentMethod().notNull().default('cash'),
    status: paymentStatus().notNull().default('unpaid'),
    amountCents: integer().notNull(),
    cashCollectedAt: timestamp({ withTimezone: true }),
    vendorPaidAt: timestamp({ withTimezone: true }),
    failureReason: text(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('payment_intents_order_key').on(t.orderId),
    index('payment_intents_status_idx').on(t.status),
    check('payment_intents_amount_check', sql`${t.amountCents} >= 0`),
  ],
);

/** Agent ↔ order (DOMAIN §2.21): at most one active assignment per order. */
export const orderAssignments = pgTable(
  'order_assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: 'cascade' }),
    agentUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    /** Null: assigned by the system. */
    assignedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    unassignedAt: timestamp({ withTimezone: true }),
    active: boolean().notNull().default(true),
    pickupTime: timestamp({ withTimezone: true }),
    deliveryTime: timestamp({ withTimezone: true }),
    cashPickupTime: timestamp({ withTimezone: true }),
    pickupSignatureKey: text(),
    deliverySignatureKey: text(),
  },
  (t) => [
    uniqueIndex('order_assignments_active_order_key').on(t.orderId).where(sql`${t.active}`),
    index('order_assignments_agent_active_idx').on(t.agentUserId, t.active),
    index('order_assignments_order_idx').on(t.orderId),
    check('order_assignments_active_check', sql`${t.active} = (${t.unassignedAt} is null)`),
  ],
);

/** Append-only money log (DOMAIN §2.22): one row per (order, type) — cash collected once, paid out once. */
export const ledgerEvents = pgTable(
  'ledger_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => vendorOrders.id, { onDelete: 'restrict' }),
    buyerStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    vendorStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    actorUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    type: ledgerEventType().notNull(),
    amountCents: integer().notNull(),
    metadata: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Once-only money movements; adjustments and refunds may repeat.
    uniqueIndex('ledger_events_order_once_key')
      .on(t.orderId, t.type)
      .where(sql`${t.type} in ('cash_collected', 'vendor_payout')`),
    index('ledger_events_order_created_idx').on(t.orderId, t.createdAt),
    index('ledger_events_type_created_idx').on(t.type, t.createdAt),
  ],
);

import {
  type Address,
  type AppliedTierDto,
  CART_ITEM_STATUSES,
  CART_STATUSES,
  type CartLineWarningDto,
  type NextTierDto,
  PAYMENT_METHODS,
  PROMO_KINDS,
  VENDOR_GROUP_STATUSES,
  type VendorGroupWarningDto,
} from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { products, productUnit } from './catalog';
import { media } from './compliance';
import { stores } from './identity';

export const cartStatus = pgEnum('cart_status', CART_STATUSES);
export const cartItemStatus = pgEnum('cart_item_status', CART_ITEM_STATUSES);
export const vendorGroupStatus = pgEnum('vendor_group_status', VENDOR_GROUP_STATUSES);
export const paymentMethod = pgEnum('payment_method', PAYMENT_METHODS);
export const promoKind = pgEnum('promo_kind', PROMO_KINDS);

/** What a quote recorded of an applied promo (snapshot; the promo row may change later). */
export interface PromoSnapshot {
  promoId: string;
  code: string;
  kind: (typeof PROMO_KINDS)[number];
  percentBps: number | null;
  amountCents: number | null;
  minSubtotalCents: number;
  discountCents: number;
}

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/**
 * A buyer store's cart (DOMAIN §2.15): at most one `active` per store; converted carts stay as history. Each
 * quote bumps `quote_version` and writes items and groups of that version, so readers take exactly one quote
 * even when two quotes of the same store race.
 */
export const cartRecords = pgTable(
  'cart_records',
  {
    id: uuid().primaryKey().defaultRandom(),
    buyerStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    status: cartStatus().notNull().default('active'),
    quoteVersion: integer().notNull().default(1),
    /** Set at conversion: the anchor shared by every vendor order of one checkout. */
    checkoutGroupId: uuid(),
    currency: text().notNull().default('USD'),
    quotedAt: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }).notNull(),
    subtotalCents: integer().notNull().default(0),
    lineDiscountsCents: integer().notNull().default(0),
    promoDiscountsCents: integer().notNull().default(0),
    discountsCents: integer().notNull().default(0),
    totalCents: integer().notNull().default(0),
    shippingAddress: jsonb().$type<Address>(),
    billingAddress: jsonb().$type<Address>(),
    paymentMethod: paymentMethod(),
    adTokens: text().array().notNull().default(sql`'{}'`),
    convertedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_records_active_buyer_key').on(t.buyerStoreId).where(sql`${t.status} = 'active'`),
    uniqueIndex('cart_records_checkout_group_key').on(t.checkoutGroupId).where(sql`${t.checkoutGroupId} is not null`),
    index('cart_records_buyer_status_idx').on(t.buyerStoreId, t.status),
    check(
      'cart_records_totals_check',
      sql`${t.subtotalCents} >= 0 and ${t.discountsCents} >= 0 and ${t.discountsCents} <= ${t.subtotalCents}
        and ${t.discountsCents} = ${t.lineDiscountsCents} + ${t.promoDiscountsCents}
        and ${t.totalCents} = ${t.subtotalCents} - ${t.discountsCents}`,
    ),
    check(
      'cart_records_converted_check',
      sql`(${t.status} = 'converted') = (${t.convertedAt} is not null and ${t.checkoutGroupId} is not null)`,
    ),
  ],
);

/** One priced line of one quote (DOMAIN §2.16); duplicates are merged, so a product appears once per quote. */
export const cartItems = pgTable(
  'cart_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: uuid()
      .notNull()
      .references(() => cartRecords.id, { onDelete: 'cascade' }),
    quoteVersion: integer().notNull(),
    position: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'restrict' }),
    vendorStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    vendorStoreName: text().notNull().default(''),
    title: text().notNull().default(''),
    sku: text().notNull().default(''),
    thumbnailMediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    unit: productUnit().notNull().default('unit'),
    requestedQuantity: integer().notNull(),
    quantity: integer().notNull(),
    moq: integer().notNull().default(1),
    /** Null: no per-line maximum. */
    maxQty: integer(),
    availableQuantity: integer().notNull().default(0),
    unitPriceCents: integer().notNull(),
    effectiveUnitPriceCents: integer().notNull().default(0),
    lineSubtotalCents: integer().notNull().default(0),
    lineDiscountCents: integer().notNull().default(0),
    lineTotalCents: integer().notNull().default(0),
    appliedTier: jsonb().$type<AppliedTierDto>(),
    nextTier: jsonb().$type<NextTierDto>(),
    status: cartItemStatus().notNull().default('ok'),
    warnings: jsonb().$type<CartLineWarningDto[]>().notNull().default(sql`'[]'`),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_items_quote_product_key').on(t.cartId, t.quoteVersion, t.productId),
    index('cart_items_product_idx').on(t.productId),
    index('cart_items_vendor_idx').on(t.vendorStoreId),
    check('cart_items_quantity_check', sql`${t.quantity} > 0 and ${t.requestedQuantity} > 0`),
    check(
      'cart_items_money_check',
      sql`${t.unitPriceCents} >= 0 and ${t.effectiveUnitPriceCents} between 0 and ${t.unitPriceCents}
        and ${t.lineSubtotalCents} = ${t.unitPriceCents} * ${t.quantity}
        and ${t.lineTotalCents} = ${t.effectiveUnitPriceCents} * ${t.quantity}
        and ${t.lineDiscountCents} = ${t.lineSubtotalCents} - ${t.lineTotalCents}`,
    ),
  ],
);

/** One vendor of one quote (DOMAIN §2.17): totals over its `ok` lines and the promo it applied. */
export const cartVendorGroups = pgTable(
  'cart_vendor_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    cartId: uuid()
      .notNull()
      .references(() => cartRecords.id, { onDelete: 'cascade' }),
    quoteVersion: integer().notNull(),
    vendorStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    vendorStoreName: text().notNull().default(''),
    status: vendorGroupStatus().notNull().default('ok'),
    warnings: jsonb().$type<VendorGroupWarningDto[]>().notNull().default(sql`'[]'`),
    subtotalCents: integer().notNull().default(0),
    lineDiscountsCents: integer().notNull().default(0),
    promoCode: text(),
    promo: jsonb().$type<PromoSnapshot>(),
    promoDiscountCents: integer().notNull().default(0),
    discountsCents: integer().notNull().default(0),
    totalCents: integer().notNull().default(0),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('cart_vendor_groups_quote_vendor_key').on(t.cartId, t.quoteVersion, t.vendorStoreId),
    check(
      'cart_vendor_groups_totals_check',
      sql`${t.discountsCents} = ${t.lineDiscountsCents} + ${t.promoDiscountCents} and ${t.promoDiscountCents} >= 0
        and ${t.discountsCents} <= ${t.subtotalCents} and ${t.totalCents} = ${t.subtotalCents} - ${t.discountsCents}`,
    ),
  ],
);

/**
 * A vendor's promo code (DOMAIN §4.7, which the original never stored). Percent promos are integer basis
 * points; fixed ones cents. `used_count` only grows, by a conditional update at checkout.
 */
export const vendorPromos = pgTable(
  'vendor_promos',
  {
    id: uuid().primaryKey().defaultRandom(),
    vendorStoreId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    /** Stored upper-case; unique per vendor regardless of case. */
    code: text().notNull(),
    kind: promoKind().notNull(),
    percentBps: integer(),
    amountCents: integer(),
    minSubtotalCents: integer().notNull().default(0),
    usageLimit: integer(),
    usedCount: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    expiresAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('vendor_promos_vendor_code_key').on(t.vendorStoreId, sql`upper(${t.code})`),
    index('vendor_promos_vendor_created_idx').on(t.vendorStoreId, t.createdAt.desc()),
    check(
      'vendor_promos_value_check',
      sql`(${t.kind} = 'percent' and ${t.percentBps} between 1 and 10000 and ${t.amountCents} is null)
        or (${t.kind} = 'fixed' and ${t.amountCents} >= 1 and ${t.percentBps} is null)`,
    ),
    check(
      'vendor_promos_usage_check',
      sql`${t.usedCount} >= 0 and (${t.usageLimit} is null or (${t.usageLimit} >= 1 and ${t.usedCount} <= ${t.usageLimit}))`,
    ),
    check('vendor_promos_min_subtotal_check', sql`${t.minSubtotalCents} >= 0`),
  ],
);

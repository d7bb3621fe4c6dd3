import { z } from 'zod';
import { addressSchema } from '../address';
import { PRODUCT_UNITS } from '../catalog/enums';
import {
  CART_ITEM_STATUSES,
  CART_LINE_WARNING_CODES,
  CART_STATUSES,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  PROMO_KINDS,
  PROMO_REJECTION_REASONS,
  VENDOR_GROUP_STATUSES,
  VENDOR_GROUP_WARNING_CODES,
} from '../commerce/enums';
import { uuidSchema } from '../text';
import { promoCodeSchema } from './promos';

/** Requested quantity: a positive whole number (DOMAIN §4.3 step 1); MOQ/max are soft and applied by the quote. */
export const lineQuantitySchema = z
  .number('must be a number')
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);

export const cartIntentLine = z.strictObject({
  productId: uuidSchema,
  /** The vendor the buyer believes sells the product; a mismatch is a soft `vendor_mismatch` line. */
  vendorStoreId: uuidSchema,
  quantity: lineQuantitySchema,
});
export type CartIntentLine = z.infer<typeof cartIntentLine>;

/**
 * `cart.quote`: intent only. Prices, tiers, promos and totals are computed on the server; the answer replaces
 * the buyer store's active cart. Repeated products are merged (quantities added).
 */
export const cartQuoteInput = z.strictObject({
  items: z
    .array(cartIntentLine)
    .min(1, 'add at least one product')
    .max(MAX_CART_LINES, `at most ${MAX_CART_LINES} lines`),
  /** One code per vendor; the last entry for a vendor wins; vendors not in the cart are ignored. */
  vendorPromos: z
    .array(z.strictObject({ vendorStoreId: uuidSchema, code: promoCodeSchema }))
    .max(MAX_CART_LINES, `at most ${MAX_CART_LINES} promo codes`)
    .default([]),
  /** Signed ad receipts (DOMAIN §4.13); invalid ones are dropped silently. */
  adTokens: z.array(z.string().max(2048, 'is too long')).max(100, 'at most 100 tokens').default([]),
});
export type CartQuoteInput = z.input<typeof cartQuoteInput>;
export type CartQuoteRequest = z.output<typeof cartQuoteInput>;

export const cartLineWarningDto = z.object({
  code: z.enum(CART_LINE_WARNING_CODES),
  message: z.string(),
  /** clamped_to_moq / clamped_to_max / not_available / merged_duplicates: what the buyer asked for in total. */
  requestedQuantity: z.number().int().optional(),
  /** not_available: free stock right now. */
  availableQuantity: z.number().int().optional(),
  /** price_changed: the base unit price of the previous quote. */
  previousUnitPriceCents: z.number().int().optional(),
});
export type CartLineWarningDto = z.infer<typeof cartLineWarningDto>;

export const appliedTierDto = z.object({
  minQty: z.number().int(),
  discountPercent: z.number(),
  /** e.g. "volume tier 10+" (DOMAIN §4.4). */
  label: z.string(),
});
export type AppliedTierDto = z.infer<typeof appliedTierDto>;

/** The next better tier in reach ("add 4 more for 10 % off"); null when there is none within max qty. */
export const nextTierDto = z.object({
  minQty: z.number().int(),
  discountPercent: z.number(),
  additionalQuantity: z.number().int(),
  effectiveUnitPriceCents: z.number().int(),
});
export type NextTierDto = z.infer<typeof nextTierDto>;

export const cartLineDto = z.object({
  id: z.string(),
  productId: z.string(),
  vendorStoreId: z.string(),
  title: z.string(),
  sku: z.string(),
  thumbnailUrl: z.string().nullable(),
  unit: z.enum(PRODUCT_UNITS),
  /** Sum of the requested quantities of this product (after merging duplicates). */
  requestedQuantity: z.number().int(),
  /** Normalised quantity: what checkout will try to reserve. */
  quantity: z.number().int(),
  moq: z.number().int(),
  /** Null: no per-line maximum. */
  maxQty: z.number().int().nullable(),
  availableQuantity: z.number().int(),
  unitPriceCents: z.number().int(),
  effectiveUnitPriceCents: z.number().int(),
  lineSubtotalCents: z.number().int(),
  lineDiscountCents: z.number().int(),
  lineTotalCents: z.number().int(),
  appliedTier: appliedTierDto.nullable(),
  nextTier: nextTierDto.nullable(),
  status: z.enum(CART_ITEM_STATUSES),
  warnings: z.array(cartLineWarningDto),
});
export type CartLineDto = z.infer<typeof cartLineDto>;

export const vendorGroupWarningDto = z.object({
  code: z.enum(VENDOR_GROUP_WARNING_CODES),
  message: z.string(),
  /** invalid_promo: why the code did not apply. */
  reason: z.enum(PROMO_REJECTION_REASONS).optional(),
  /** invalid_promo with reason below_minimum: the subtotal (after line discounts) the code needs. */
  minSubtotalCents: z.number().int().optional(),
});
export type VendorGroupWarningDto = z.infer<typeof vendorGroupWarningDto>;

export const appliedPromoDto = z.object({
  code: z.string(),
  kind: z.enum(PROMO_KINDS),
  /** percent promos: basis points (1000 = 10 %). */
  percentBps: z.number().int().nullable(),
  /** fixed promos: face value. */
  amountCents: z.number().int().nullable(),
  /** What it takes off this group (fixed promos are capped at the discounted subtotal). */
  discountCents: z.number().int(),
});
export type AppliedPromoDto = z.infer<typeof appliedPromoDto>;

export const cartVendorGroupDto = z.object({
  vendorStoreId: z.string(),
  vendorStoreName: z.string(),
  status: z.enum(VENDOR_GROUP_STATUSES),
  warnings: z.array(vendorGroupWarningDto),
  items: z.array(cartLineDto),
  /** Totals count `ok` lines only (DOMAIN §4.5). */
  subtotalCents: z.number().int(),
  lineDiscountsCents: z.number().int(),
  promoDiscountCents: z.number().int(),
  discountsCents: z.number().int(),
  totalCents: z.number().int(),
  /** The code the buyer entered for this vendor (applied or not). */
  promoCode: z.string().nullable(),
  promo: appliedPromoDto.nullable(),
});
export type CartVendorGroupDto = z.infer<typeof cartVendorGroupDto>;

export const cartDto = z.object({
  id: z.string(),
  status: z.enum(CART_STATUSES),
  currency: z.literal('USD'),
  quotedAt: z.string(),
  /** Checkout refuses the cart after this instant (QUOTE_EXPIRED); re-quote to refresh. */
  validUntil: z.string(),
  /** By the server's clock at the time of the answer. */
  isExpired: z.boolean(),
  subtotalCents: z.number().int(),
  lineDiscountsCents: z.number().int(),
  promoDiscountsCents: z.number().int(),
  discountsCents: z.number().int(),
  totalCents: z.number().int(),
  lineCount: z.number().int(),
  /** Lines that checkout will try to order. */
  okLineCount: z.number().int(),
  shippingAddress: addressSchema.nullable(),
  vendorGroups: z.array(cartVendorGroupDto),
  adTokens: z.array(z.string()),
});
export type CartDto = z.infer<typeof cartDto>;

export const cartGetOutput = cartDto.nullable();
export const cartClearOutput = z.object({ cleared: z.boolean() });

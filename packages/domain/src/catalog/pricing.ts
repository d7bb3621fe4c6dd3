/** Money and quantity rules of DOMAIN §4.2–4.4. Amounts are integer cents; percents exact (see percent.ts). */

import { FULL_PPM, requirePercentPpm } from './percent';

/** A tier as a vendor enters it and the API shows it; price with `pricedTier(tier)`. */
export interface DiscountTier {
  minQty: number;
  /** Percent off the unit price, 0–100, at most 4 decimals (validated on input, exact in `percentToPpm`). */
  discountPercent: number;
}

/** The tier with the largest `minQty` not above `qty`, or null (DOMAIN §4.4). */
export function selectTier<T extends { minQty: number }>(tiers: readonly T[], qty: number): T | null {
  let best: T | null = null;
  for (const tier of tiers) {
    if (tier.minQty <= qty && (!best || tier.minQty > best.minQty)) best = tier;
  }
  return best;
}

/** A tier in exact form: its percent as an integer of parts per million (64.6 % is 646_000). */
export interface PricedTier {
  minQty: number;
  discountPpm: number;
}

/** A tier as entered or stored (percent as a number or the database's decimal text), in exact form. */
export const pricedTier = (tier: { minQty: number; discountPercent: number | string }): PricedTier => ({
  minQty: tier.minQty,
  discountPpm: requirePercentPpm(tier.discountPercent),
});

const PPM_WHOLE = BigInt(FULL_PPM);

/**
 * The one rounding point of the money rules (DOMAIN §4.4, §4.12): the per-unit discount is
 * price × percent / 100 rounded half away from zero to whole cents, clamped to [0, price]. Integer arithmetic
 * only (BigInt, so no product of price and percent can lose a digit); cart and checkout call this too.
 */
export function perUnitDiscountCents(priceCents: number, discountPpm: number): number {
  if (!Number.isSafeInteger(priceCents) || priceCents < 0) throw new RangeError(`not a price in cents: ${priceCents}`);
  if (!Number.isInteger(discountPpm)) throw new RangeError(`not a percent in parts per million: ${discountPpm}`);
  const ppm = Math.min(Math.max(discountPpm, 0), FULL_PPM);
  const scaled = BigInt(priceCents) * BigInt(ppm);
  const whole = scaled / PPM_WHOLE;
  // Both factors are ≥ 0, so half away from zero is half up: a remainder of half a cent or more rounds up.
  const rounded = 2n * (scaled % PPM_WHOLE) >= PPM_WHOLE ? whole + 1n : whole;
  return Number(rounded);
}

/** What one unit costs under `tier` (no tier: the list price). */
export function effectiveUnitPriceCents(priceCents: number, tier: Pick<PricedTier, 'discountPpm'> | null): number {
  return tier ? priceCents - perUnitDiscountCents(priceCents, tier.discountPpm) : priceCents;
}

export type QuantityAdjustment = 'clamped_to_moq' | 'clamped_to_max';

/** MOQ raises, max_qty (0 = no limit) caps: soft rules at quote time (DOMAIN §4.3). */
export function normalizeQuantity(
  requested: number,
  limits: { moq: number; maxQty: number },
): { qty: number; adjustment: QuantityAdjustment | null } {
  if (requested < limits.moq) return { qty: limits.moq, adjustment: 'clamped_to_moq' };
  if (limits.maxQty > 0 && requested > limits.maxQty) return { qty: limits.maxQty, adjustment: 'clamped_to_max' };
  return { qty: requested, adjustment: null };
}

/** Free stock under the one inventory model: units on hand minus units held by open orders. */
export const freeQuantity = (stock: { onHandQty: number; reservedQty: number }): number =>
  Math.max(0, stock.onHandQty - stock.reservedQty);

export const isLowStock = (stock: { onHandQty: number; reservedQty: number; lowStockThreshold: number }): boolean =>
  freeQuantity(stock) <= stock.lowStockThreshold;

export const STOCK_AVAILABILITIES = ['in_stock', 'below_moq', 'out_of_stock'] as const;
export type StockAvailability = (typeof STOCK_AVAILABILITIES)[number];

/**
 * What a buyer can do with the free stock: order it, or not even one minimum order of it (quantities are raised
 * to the MOQ, §4.3, so a line needs at least `moq` free units), or nothing at all.
 */
export function stockAvailability(freeQty: number, moq: number): StockAvailability {
  if (freeQty <= 0) return 'out_of_stock';
  return freeQty < moq ? 'below_moq' : 'in_stock';
}

/** Money and quantity rules of DOMAIN §4.2–4.4. Amounts are integer cents. */

export interface DiscountTier {
  minQty: number;
  /** Percent off the unit price, 0–100, up to 4 decimals. */
  discountPercent: number;
}

/** The tier with the largest `minQty` not above `qty`, or null (DOMAIN §4.4). */
export function selectTier<T extends DiscountTier>(tiers: readonly T[], qty: number): T | null {
  let best: T | null = null;
  for (const tier of tiers) {
    if (tier.minQty <= qty && (!best || tier.minQty > best.minQty)) best = tier;
  }
  return best;
}

/** Half away from zero, as the money rules require (Math.round rounds −0.5 toward +∞). */
export const roundHalfAwayFromZero = (value: number): number => Math.sign(value) * Math.round(Math.abs(value));

export function effectiveUnitPriceCents(priceCents: number, tier: DiscountTier | null): number {
  if (!tier) return priceCents;
  const discount = roundHalfAwayFromZero((priceCents * tier.discountPercent) / 100);
  return priceCents - Math.min(Math.max(discount, 0), priceCents);
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

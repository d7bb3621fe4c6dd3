import { effectiveUnitPriceCents, pricedTier, selectTier } from '@pf/domain';
import { formatCount, formatMoney, formatPercent } from './catalog-format';

/** What a quantity stepper may offer: from the MOQ up to the per-order maximum and the free stock. */
export interface QuantityBounds {
  min: number;
  /** Null: no upper bound known to the client (the quote still clamps and warns). */
  max: number | null;
  /** False when not even one minimum order can be filled. */
  orderable: boolean;
}

export function quantityBounds(limits: {
  moq: number;
  /** 0 or null: no per-order maximum. */
  maxQty?: number | null;
  /** Free stock; undefined when unknown (grid cards). */
  available?: number;
}): QuantityBounds {
  const min = Math.max(1, limits.moq);
  const caps = [limits.maxQty && limits.maxQty > 0 ? limits.maxQty : null, limits.available ?? null].filter(
    (cap): cap is number => cap !== null,
  );
  const max = caps.length ? Math.min(...caps) : null;
  return { min, max, orderable: max === null || max >= min };
}

/** A typed or stepped quantity brought inside the bounds; anything unreadable becomes the minimum. */
export function clampQuantity(value: number, bounds: QuantityBounds): number {
  if (!Number.isFinite(value)) return bounds.min;
  const whole = Math.floor(value);
  if (whole < bounds.min) return bounds.min;
  if (bounds.max !== null && whole > bounds.max) return Math.max(bounds.min, bounds.max);
  return whole;
}

/** "Add 4 more for 10% off": the server's next-tier hint of a cart line, in words. */
export function nextTierHint(next: { additionalQuantity: number; discountPercent: number }): string {
  return `Add ${formatCount(next.additionalQuantity)} more for ${formatPercent(next.discountPercent)} off`;
}

export interface TierPreview {
  /** The tier the quantity reaches, if any. */
  current: { minQty: number; discountPercent: number; unitPriceCents: number } | null;
  /** The closest better tier above the quantity that the bounds allow, if any. */
  next: { minQty: number; discountPercent: number; additionalQuantity: number; unitPriceCents: number } | null;
}

/**
 * Which volume tier a quantity on the product page reaches and which one comes next (the catalog's tier table,
 * DOMAIN §4.4); a preview only: the cart's prices are the server's quote.
 */
export function tierPreview(
  priceCents: number,
  tiers: readonly { minQty: number; discountPercent: number }[],
  quantity: number,
  bounds: QuantityBounds,
): TierPreview {
  const reached = selectTier(tiers, quantity);
  const current =
    reached && reached.discountPercent > 0
      ? {
          minQty: reached.minQty,
          discountPercent: reached.discountPercent,
          unitPriceCents: effectiveUnitPriceCents(priceCents, pricedTier(reached)),
        }
      : null;
  const better = tiers
    .filter(
      (tier) =>
        tier.minQty > quantity &&
        tier.discountPercent > (current?.discountPercent ?? 0) &&
        (bounds.max === null || tier.minQty <= bounds.max),
    )
    .sort((a, b) => a.minQty - b.minQty)[0];
  const next = better
    ? {
        minQty: better.minQty,
        discountPercent: better.discountPercent,
        additionalQuantity: better.minQty - quantity,
        unitPriceCents: effectiveUnitPriceCents(priceCents, pricedTier(better)),
      }
    : null;
  return { current, next };
}

/** "$9.00 each at 10+ (10% off)". */
export const tierPriceText = (tier: { minQty: number; discountPercent: number; unitPriceCents: number }) =>
  `${formatMoney(tier.unitPriceCents)} each at ${formatCount(tier.minQty)}+ (${formatPercent(tier.discountPercent)} off)`;

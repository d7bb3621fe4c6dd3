import type { ProductUnit } from '../catalog/enums';
import {
  type DiscountTier,
  effectiveUnitPriceCents,
  normalizeQuantity,
  pricedTier,
  selectTier,
} from '../catalog/pricing';
import type { CartItemStatus } from '../commerce/enums';
import type { AppliedTierDto, CartLineWarningDto, NextTierDto } from '../contracts/cart';

/** What the quote needs to know of one product, loaded by the service (visibility already checked). */
export interface ProductFacts {
  productId: string;
  vendorStoreId: string;
  vendorStoreName: string;
  title: string;
  sku: string;
  unit: ProductUnit;
  priceCents: number;
  moq: number;
  /** 0: no per-line maximum. */
  maxQty: number;
  tiers: readonly DiscountTier[];
  /** Free stock (on hand − reserved); null when the product has no stock row. */
  freeQuantity: number | null;
  thumbnailMediaId: string | null;
}

/** One product of the cart after duplicates were merged. */
export interface MergedIntent {
  productId: string;
  /** The vendor the client named (first line of the product). */
  vendorStoreId: string;
  requestedQuantity: number;
  mergedLines: number;
}

export interface PricedLine {
  productId: string;
  vendorStoreId: string;
  vendorStoreName: string;
  title: string;
  sku: string;
  unit: ProductUnit;
  thumbnailMediaId: string | null;
  requestedQuantity: number;
  quantity: number;
  moq: number;
  maxQty: number | null;
  availableQuantity: number;
  unitPriceCents: number;
  effectiveUnitPriceCents: number;
  lineSubtotalCents: number;
  lineDiscountCents: number;
  lineTotalCents: number;
  appliedTier: AppliedTierDto | null;
  nextTier: NextTierDto | null;
  status: CartItemStatus;
  warnings: CartLineWarningDto[];
}

export const tierLabel = (minQty: number) => `volume tier ${minQty}+`;
const formatCents = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** The closest tier above `qty` that is reachable (within max qty) and better than the current one. */
function nextTierFor(facts: ProductFacts, qty: number, current: DiscountTier | null): NextTierDto | null {
  let next: DiscountTier | null = null;
  for (const tier of facts.tiers) {
    if (tier.minQty <= qty) continue;
    if (facts.maxQty > 0 && tier.minQty > facts.maxQty) continue;
    if (tier.discountPercent <= (current?.discountPercent ?? 0)) continue;
    if (!next || tier.minQty < next.minQty) next = tier;
  }
  if (!next) return null;
  return {
    minQty: next.minQty,
    discountPercent: next.discountPercent,
    additionalQuantity: next.minQty - qty,
    effectiveUnitPriceCents: effectiveUnitPriceCents(facts.priceCents, pricedTier(next)),
  };
}

/**
 * Prices one merged line (DOMAIN §4.3–4.4, §3.5, §4.8): MOQ/max clamps, vendor match, availability, tier
 * pricing (the domain's one per-unit rounding), and the hints the cart shows.
 */
export function priceLine(intent: MergedIntent, facts: ProductFacts, previousUnitPriceCents?: number): PricedLine {
  const warnings: CartLineWarningDto[] = [];
  const requested = intent.requestedQuantity;
  if (intent.mergedLines > 1) {
    warnings.push({
      code: 'merged_duplicates',
      message: `${intent.mergedLines} lines of this product were merged into one.`,
      requestedQuantity: requested,
    });
  }
  const { qty, adjustment } = normalizeQuantity(requested, { moq: facts.moq, maxQty: facts.maxQty });
  if (adjustment === 'clamped_to_moq') {
    warnings.push({ code: adjustment, message: `Quantity raised to the MOQ (${qty}).`, requestedQuantity: requested });
  } else if (adjustment === 'clamped_to_max') {
    warnings.push({
      code: adjustment,
      message: `Quantity lowered to the maximum per order (${qty}).`,
      requestedQuantity: requested,
    });
  }
  const available = Math.max(0, facts.freeQuantity ?? 0);
  let status: CartItemStatus = 'ok';
  if (facts.vendorStoreId !== intent.vendorStoreId) {
    status = 'invalid';
    warnings.push({ code: 'vendor_mismatch', message: 'This product is sold by a different vendor.' });
  } else if (facts.freeQuantity === null || available < qty) {
    status = 'not_available';
    warnings.push({
      code: 'not_available',
      message: `Only ${available} available; ${qty} requested.`,
      requestedQuantity: qty,
      availableQuantity: available,
    });
  }
  if (previousUnitPriceCents !== undefined && previousUnitPriceCents !== facts.priceCents) {
    warnings.push({
      code: 'price_changed',
      message: `Price changed from ${formatCents(previousUnitPriceCents)} to ${formatCents(facts.priceCents)}.`,
      previousUnitPriceCents,
    });
  }
  const tier = selectTier(facts.tiers, qty);
  const effective = effectiveUnitPriceCents(facts.priceCents, tier ? pricedTier(tier) : null);
  const lineSubtotalCents = facts.priceCents * qty;
  const lineTotalCents = effective * qty;
  return {
    productId: facts.productId,
    vendorStoreId: facts.vendorStoreId,
    vendorStoreName: facts.vendorStoreName,
    title: facts.title,
    sku: facts.sku,
    unit: facts.unit,
    thumbnailMediaId: facts.thumbnailMediaId,
    requestedQuantity: requested,
    quantity: qty,
    moq: facts.moq,
    maxQty: facts.maxQty > 0 ? facts.maxQty : null,
    availableQuantity: available,
    unitPriceCents: facts.priceCents,
    effectiveUnitPriceCents: effective,
    lineSubtotalCents,
    lineDiscountCents: lineSubtotalCents - lineTotalCents,
    lineTotalCents,
    appliedTier: tier
      ? { minQty: tier.minQty, discountPercent: tier.discountPercent, label: tierLabel(tier.minQty) }
      : null,
    nextTier: nextTierFor(facts, qty, tier),
    status,
    warnings,
  };
}

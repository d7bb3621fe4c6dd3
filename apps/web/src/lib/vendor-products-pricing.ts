import { effectiveUnitPriceCents, normalizeQuantity, type PricedTier, percentToPpm, selectTier } from '@pf/domain';

/** One line of the editor's price preview: what a buyer pays per unit and for a line at that threshold. */
export interface PricePreviewRow {
  /** `base` for the undiscounted price, else the tier's threshold. */
  key: string;
  /** The tier's threshold, or the MOQ for the base row. */
  minQty: number;
  /** The tier's percent off; for the base row, the percent that applies at the MOQ (0 unless a tier starts there). */
  discountPercent: number;
  unitPriceCents: number;
  /** Per unit saved against the base price. */
  savingsPerUnitCents: number;
  /** The quantity the example line is priced at (the threshold, raised to the MOQ if below it). */
  exampleQty: number;
  lineTotalCents: number;
  /** What the same line costs without any discount. */
  lineSubtotalCents: number;
  /** The threshold is above the per-order maximum, so no order can reach this tier. */
  unreachable: boolean;
}

export interface PricePreviewInput {
  priceCents: number;
  moq: number;
  /** 0 = no per-order maximum. */
  maxQty: number;
  tiers: readonly TypedTier[];
}

const isCount = (value: number) => Number.isSafeInteger(value) && value >= 0;
interface TypedTier {
  minQty: number;
  discountPercent: number;
}

/** A tier the preview can price: a whole threshold ≥ 1 and a percent 0–100 with at most 4 decimals. */
const usableTier = (tier: TypedTier): (PricedTier & TypedTier) | null => {
  const discountPpm = percentToPpm(tier.discountPercent);
  return Number.isInteger(tier.minQty) && tier.minQty >= 1 && discountPpm !== null ? { ...tier, discountPpm } : null;
};

/**
 * The live preview under the tier editor, computed with the same rules the cart quote applies (DOMAIN §4.3–4.4):
 * quantities are normalized to MOQ/max, the tier with the largest threshold not above the quantity wins, and
 * the per-unit discount is rounded half away from zero. Returns null while the price itself is not a valid
 * amount; tiers that are not valid yet are left out rather than failing the whole preview.
 */
export function pricePreview(input: PricePreviewInput): PricePreviewRow[] | null {
  if (!isCount(input.priceCents)) return null;
  const moq = isCount(input.moq) && input.moq >= 1 ? input.moq : 1;
  const maxQty = isCount(input.maxQty) ? input.maxQty : 0;
  const tiers = input.tiers.map(usableTier).filter((tier) => tier !== null);
  const rowAt = (key: string, minQty: number, ownPercent?: number): PricePreviewRow => {
    const { qty } = normalizeQuantity(minQty, { moq, maxQty });
    const tier = selectTier(tiers, qty);
    const unitPriceCents = effectiveUnitPriceCents(input.priceCents, tier);
    return {
      key,
      minQty,
      discountPercent: ownPercent ?? tier?.discountPercent ?? 0,
      unitPriceCents,
      savingsPerUnitCents: input.priceCents - unitPriceCents,
      exampleQty: qty,
      lineTotalCents: unitPriceCents * qty,
      lineSubtotalCents: input.priceCents * qty,
      unreachable: maxQty > 0 && minQty > maxQty,
    };
  };
  const sorted = [...tiers].sort((a, b) => a.minQty - b.minQty);
  return [
    rowAt('base', moq),
    ...sorted.map((tier, index) => rowAt(`tier-${index}-${tier.minQty}`, tier.minQty, tier.discountPercent)),
  ];
}

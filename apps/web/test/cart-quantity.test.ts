import { describe, expect, it } from 'vitest';
import { clampQuantity, nextTierHint, quantityBounds, tierPreview, tierPriceText } from '@/lib/cart-quantity';

describe('stepper bounds', () => {
  it('run from the MOQ to the smaller of the per-order maximum and the free stock', () => {
    expect(quantityBounds({ moq: 5, maxQty: 40, available: 25 })).toEqual({ min: 5, max: 25, orderable: true });
    expect(quantityBounds({ moq: 5, maxQty: 20, available: 25 })).toEqual({ min: 5, max: 20, orderable: true });
  });

  it('have no upper bound when neither is known or limited (0 = no maximum)', () => {
    expect(quantityBounds({ moq: 1, maxQty: 0 })).toEqual({ min: 1, max: null, orderable: true });
    expect(quantityBounds({ moq: 3, maxQty: null })).toEqual({ min: 3, max: null, orderable: true });
  });

  it('are not orderable when the free stock is below one minimum order', () => {
    expect(quantityBounds({ moq: 10, maxQty: 0, available: 4 }).orderable).toBe(false);
    expect(quantityBounds({ moq: 10, maxQty: 0, available: 10 }).orderable).toBe(true);
  });
});

describe('clamping a typed quantity', () => {
  const bounds = { min: 5, max: 20, orderable: true };
  it('raises to the MOQ, lowers to the maximum, drops fractions and reads garbage as the MOQ', () => {
    expect(clampQuantity(2, bounds)).toBe(5);
    expect(clampQuantity(21, bounds)).toBe(20);
    expect(clampQuantity(7.9, bounds)).toBe(7);
    expect(clampQuantity(Number('abc'), bounds)).toBe(5);
    expect(clampQuantity(12, { min: 1, max: null, orderable: true })).toBe(12);
  });
});

describe('tier hints', () => {
  it('says how many more reach the next tier', () => {
    expect(nextTierHint({ additionalQuantity: 4, discountPercent: 10 })).toBe('Add 4 more for 10% off');
    expect(nextTierHint({ additionalQuantity: 1200, discountPercent: 12.5 })).toBe('Add 1,200 more for 12.5% off');
  });

  // Price $20.00 (2000 cents), tiers 10+ at 10 % and 25+ at 15 %: 10 % of 2000 = 200 → 1800; 15 % → 300 → 1700.
  const tiers = [
    { minQty: 25, discountPercent: 15 },
    { minQty: 10, discountPercent: 10 },
  ];

  it('below every tier: no tier yet, the first tier next', () => {
    const preview = tierPreview(2000, tiers, 6, { min: 1, max: null, orderable: true });
    expect(preview.current).toBeNull();
    expect(preview.next).toEqual({ minQty: 10, discountPercent: 10, additionalQuantity: 4, unitPriceCents: 1800 });
    expect(tierPriceText(preview.next as NonNullable<typeof preview.next>)).toBe('$18.00 each at 10+ (10% off)');
  });

  it('inside a tier: that tier now, the better one next', () => {
    const preview = tierPreview(2000, tiers, 12, { min: 1, max: null, orderable: true });
    expect(preview.current).toEqual({ minQty: 10, discountPercent: 10, unitPriceCents: 1800 });
    expect(preview.next).toEqual({ minQty: 25, discountPercent: 15, additionalQuantity: 13, unitPriceCents: 1700 });
  });

  it('does not hint a tier above the most the buyer may order', () => {
    expect(tierPreview(2000, tiers, 12, { min: 1, max: 24, orderable: true }).next).toBeNull();
  });

  it('rounds the per-unit discount half away from zero (12.5 % of $0.99 = 12.375 → 12 cents; 50 % of 1 cent → 1)', () => {
    expect(
      tierPreview(99, [{ minQty: 2, discountPercent: 12.5 }], 2, { min: 1, max: null, orderable: true }).current,
    ).toEqual({ minQty: 2, discountPercent: 12.5, unitPriceCents: 87 });
    expect(
      tierPreview(1, [{ minQty: 1, discountPercent: 50 }], 1, { min: 1, max: null, orderable: true }).current,
    ).toEqual({ minQty: 1, discountPercent: 50, unitPriceCents: 0 });
  });
});

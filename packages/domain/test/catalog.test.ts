import { describe, expect, it } from 'vitest';
import {
  browseProductsInput,
  createProductInput,
  effectiveUnitPriceCents,
  freeQuantity,
  isLowStock,
  isVisibleToBuyer,
  normalizeQuantity,
  pricedTier,
  selectTier,
  stockAvailability,
  updateProductInput,
  type VisibilitySubject,
} from '../src';

const product = {
  sku: 'BD-1',
  title: 'Blue Dream 3.5g',
  category: 'flower',
  unit: 'eighth',
  feelings: ['happy'],
  flavors: ['sweet'],
  usage: ['sleep'],
  moq: 1,
  priceCents: 0,
  inventory: { onHandQty: 0 },
  volumeDiscounts: [{ minQty: 10, discountPercent: 0 }],
} as const;

const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('product validation', () => {
  it('accepts zero price, zero stock and a 0 % tier where the ranges allow them', () => {
    expect(createProductInput.safeParse(product).success).toBe(true);
  });

  it('refuses max below MOQ, non-increasing tiers, out-of-range percentages and repeated images', () => {
    expect(pathsOf(createProductInput.safeParse({ ...product, moq: 5, maxQty: 4 }))).toEqual(['maxQty']);
    expect(createProductInput.safeParse({ ...product, moq: 5, maxQty: 0 }).success).toBe(true);
    const tiers = [
      { minQty: 10, discountPercent: 5 },
      { minQty: 10, discountPercent: 8 },
    ];
    expect(pathsOf(createProductInput.safeParse({ ...product, volumeDiscounts: tiers }))).toEqual([
      'volumeDiscounts.1.minQty',
    ]);
    expect(
      pathsOf(createProductInput.safeParse({ ...product, volumeDiscounts: [{ minQty: 1, discountPercent: 101 }] })),
    ).toEqual(['volumeDiscounts.0.discountPercent']);
    expect(pathsOf(createProductInput.safeParse({ ...product, thcPercent: 22.555 }))).toEqual(['thcPercent']);
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(pathsOf(createProductInput.safeParse({ ...product, mediaIds: [id, id] }))).toEqual(['mediaIds']);
    expect(pathsOf(createProductInput.safeParse({ ...product, feelings: [] }))).toEqual(['feelings']);
  });

  it('accepts every percentage with up to two decimals, whatever its binary floating-point error', () => {
    const refused = [];
    for (let hundredths = 0; hundredths <= 10_000; hundredths++) {
      const percent = hundredths / 100;
      const parsed = createProductInput.safeParse({ ...product, thcPercent: percent, cbdPercent: percent });
      if (!parsed.success) refused.push(percent);
    }
    expect(refused).toEqual([]);
  });

  it('lets an update clear optional fields and leaves absent ones alone', () => {
    const parsed = updateProductInput.parse({ productId: '0f8fad5b-d9cb-469f-a165-70867728950e', subtitle: '' });
    expect(parsed.subtitle).toBeNull();
    expect(parsed.title).toBeUndefined();
  });
});

describe('pricing and quantity', () => {
  const tiers = [
    { minQty: 10, discountPercent: 5 },
    { minQty: 50, discountPercent: 12.5 },
  ];

  it('picks the largest tier at or below the quantity and rounds half away from zero', () => {
    expect(selectTier(tiers, 9)).toBeNull();
    expect(selectTier(tiers, 10)?.minQty).toBe(10);
    expect(selectTier(tiers, 500)?.minQty).toBe(50);
    expect(effectiveUnitPriceCents(1010, pricedTier({ minQty: 1, discountPercent: 5 }))).toBe(959);
    expect(effectiveUnitPriceCents(1000, pricedTier({ minQty: 1, discountPercent: 100 }))).toBe(0);
  });

  it('raises to MOQ and caps at max_qty, where 0 means no limit', () => {
    expect(normalizeQuantity(2, { moq: 5, maxQty: 0 })).toEqual({ qty: 5, adjustment: 'clamped_to_moq' });
    expect(normalizeQuantity(80, { moq: 5, maxQty: 50 })).toEqual({ qty: 50, adjustment: 'clamped_to_max' });
    expect(normalizeQuantity(80, { moq: 5, maxQty: 0 })).toEqual({ qty: 80, adjustment: null });
  });

  it('derives free stock from on hand minus reserved', () => {
    expect(freeQuantity({ onHandQty: 10, reservedQty: 4 })).toBe(6);
    expect(isLowStock({ onHandQty: 10, reservedQty: 4, lowStockThreshold: 6 })).toBe(true);
  });

  it('calls stock that cannot fill one minimum order "below MOQ", not in stock', () => {
    expect(stockAvailability(5, 10)).toBe('below_moq');
    expect(stockAvailability(9, 10)).toBe('below_moq');
    expect(stockAvailability(10, 10)).toBe('in_stock');
    expect(stockAvailability(500, 10)).toBe('in_stock');
    expect(stockAvailability(1, 1)).toBe('in_stock');
    expect(stockAvailability(0, 10)).toBe('out_of_stock');
    expect(stockAvailability(0, 1)).toBe('out_of_stock');
  });
});

describe('buyer visibility', () => {
  const visible: VisibilitySubject = {
    product: { isActive: true, deletedAt: null },
    vendor: { type: 'vendor', kycStatus: 'verified', subscriptionActive: true, state: 'ca' },
  };

  it('shows a product only when every rule holds', () => {
    expect(isVisibleToBuyer(visible, 'CA')).toBe(true);
    expect(isVisibleToBuyer(visible, 'OR')).toBe(false);
    expect(isVisibleToBuyer({ ...visible, product: { isActive: false, deletedAt: null } }, 'CA')).toBe(false);
    expect(isVisibleToBuyer({ ...visible, product: { isActive: true, deletedAt: new Date() } }, 'CA')).toBe(false);
    for (const vendor of [
      { ...visible.vendor, kycStatus: 'expired' as const },
      { ...visible.vendor, subscriptionActive: false },
      { ...visible.vendor, type: 'buyer' as const },
    ]) {
      expect(isVisibleToBuyer({ ...visible, vendor }, 'CA')).toBe(false);
    }
  });
});

describe('browse query', () => {
  it('defaults the page size and refuses inverted ranges', () => {
    expect(browseProductsInput.parse(undefined).limit).toBe(24);
    expect(pathsOf(browseProductsInput.safeParse({ priceMinCents: 500, priceMaxCents: 100 }))).toEqual([
      'priceMaxCents',
    ]);
  });
});

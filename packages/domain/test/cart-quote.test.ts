import { describe, expect, it } from 'vitest';
import {
  type CartIntentLine,
  MAX_LINE_QUANTITY,
  type ProductFacts,
  type PromoFacts,
  promoKey,
  QUOTE_TTL_MS,
  quoteCart,
  selectTier,
} from '../src';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const VENDOR_A = '00000000-0000-4000-8000-00000000000a';
const VENDOR_B = '00000000-0000-4000-8000-00000000000b';
const pid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const product = (n: number, overrides: Partial<ProductFacts> = {}): ProductFacts => ({
  productId: pid(n),
  vendorStoreId: VENDOR_A,
  vendorStoreName: 'Vendor A',
  title: `Product ${n}`,
  sku: `SKU-${n}`,
  unit: 'gram',
  priceCents: 1000,
  moq: 1,
  maxQty: 0,
  tiers: [],
  freeQuantity: 1000,
  thumbnailMediaId: null,
  ...overrides,
});

const promo = (overrides: Partial<PromoFacts> = {}): PromoFacts => ({
  id: pid(900),
  vendorStoreId: VENDOR_A,
  code: 'SAVE',
  kind: 'percent',
  percentBps: 1000,
  amountCents: null,
  minSubtotalCents: 0,
  usageLimit: null,
  usedCount: 0,
  active: true,
  expiresAt: null,
  ...overrides,
});

function quote(products: ProductFacts[], lines: CartIntentLine[], promos: PromoFacts[] = [], previous = new Map()) {
  return quoteCart({
    lines,
    products: new Map(products.map((p) => [p.productId, p])),
    promoCodes: promos.map((p) => ({ vendorStoreId: p.vendorStoreId, code: p.code })),
    promos: new Map(promos.map((p) => [promoKey(p.vendorStoreId, p.code), p])),
    previousPrices: previous,
    now: NOW,
  });
}
const line = (facts: ProductFacts, quantity: number): CartIntentLine => ({
  productId: facts.productId,
  vendorStoreId: facts.vendorStoreId,
  quantity,
});

describe('golden cases (DOMAIN §4, worked by hand)', () => {
  it('tier 10 % at 10+: 12 × $12.50 → $11.25 each, $135.00, discount $15.00', () => {
    const p = product(1, { priceCents: 1250, tiers: [{ minQty: 10, discountPercent: 10 }] });
    const [item] = quote([p], [line(p, 12)]).groups[0]?.lines ?? [];
    expect(item).toMatchObject({
      effectiveUnitPriceCents: 1125,
      lineSubtotalCents: 15000,
      lineTotalCents: 13500,
      lineDiscountCents: 1500,
      appliedTier: { minQty: 10, discountPercent: 10, label: 'volume tier 10+' },
    });
  });

  it('the per-unit discount rounds half away from zero once per unit: 10 % of $10.05 is 101 ¢', () => {
    const p = product(1, { priceCents: 1005, tiers: [{ minQty: 1, discountPercent: 10 }] });
    const [item] = quote([p], [line(p, 3)]).groups[0]?.lines ?? [];
    expect(item).toMatchObject({ effectiveUnitPriceCents: 904, lineTotalCents: 2712, lineDiscountCents: 303 });
  });

  it('picks the tier with the largest min qty not above the quantity and hints the next one', () => {
    const tiers = [
      { minQty: 5, discountPercent: 5 },
      { minQty: 10, discountPercent: 10 },
      { minQty: 20, discountPercent: 15 },
    ];
    const p = product(1, { priceCents: 2000, tiers });
    const [item] = quote([p], [line(p, 6)]).groups[0]?.lines ?? [];
    expect(item?.appliedTier?.minQty).toBe(5);
    expect(item?.nextTier).toEqual({
      minQty: 10,
      discountPercent: 10,
      additionalQuantity: 4,
      effectiveUnitPriceCents: 1800,
    });
    const capped = product(2, { priceCents: 2000, tiers, maxQty: 8 });
    expect(quote([capped], [line(capped, 6)]).groups[0]?.lines[0]?.nextTier).toBeNull();
  });

  it('clamps to MOQ and to max with warnings; both stay ok', () => {
    const p = product(1, { moq: 5, maxQty: 20 });
    const low = quote([p], [line(p, 2)]).groups[0]?.lines[0];
    expect(low).toMatchObject({ quantity: 5, requestedQuantity: 2, status: 'ok' });
    expect(low?.warnings.map((w) => w.code)).toEqual(['clamped_to_moq']);
    const high = quote([p], [line(p, 50)]).groups[0]?.lines[0];
    expect(high).toMatchObject({ quantity: 20, status: 'ok' });
    expect(high?.warnings.map((w) => w.code)).toEqual(['clamped_to_max']);
  });

  it('merges duplicate lines into one (DOMAIN §12.C10) and checks stock against the sum', () => {
    const p = product(1, { freeQuantity: 5 });
    const result = quote([p], [line(p, 3), line(p, 3)]);
    expect(result.lineCount).toBe(1);
    const item = result.groups[0]?.lines[0];
    expect(item).toMatchObject({ quantity: 6, status: 'not_available', availableQuantity: 5 });
    expect(item?.warnings.map((w) => w.code)).toEqual(['merged_duplicates', 'not_available']);
    expect(result.totalCents).toBe(0);
    expect(result.groups[0]).toMatchObject({ status: 'invalid', warnings: [{ code: 'vendor_invalid' }] });
  });

  it('refuses merged quantities above the line maximum as a validation error', () => {
    const p = product(1);
    expect(() => quote([p], [line(p, MAX_LINE_QUANTITY), line(p, 1)])).toThrow(/validation failed/);
  });

  it('marks a line whose vendor does not match invalid, and groups it under the real vendor', () => {
    const p = product(1);
    const result = quote([p], [{ productId: p.productId, vendorStoreId: VENDOR_B, quantity: 1 }]);
    expect(result.groups[0]).toMatchObject({ vendorStoreId: VENDOR_A, status: 'invalid' });
    expect(result.groups[0]?.lines[0]).toMatchObject({ status: 'invalid', warnings: [{ code: 'vendor_mismatch' }] });
  });

  it('warns about a price change since the previous quote', () => {
    const p = product(1, { priceCents: 1100 });
    const item = quote([p], [line(p, 1)], [], new Map([[p.productId, 1000]])).groups[0]?.lines[0];
    expect(item?.warnings).toEqual([
      { code: 'price_changed', message: 'Price changed from $10.00 to $11.00.', previousUnitPriceCents: 1000 },
    ]);
  });

  it('percent promo: 12.5 % of the discounted $10.04 group is 125.5 → 126 ¢, rounded once at the group', () => {
    const a = product(1, { priceCents: 502 });
    const b = product(2, { priceCents: 502 });
    const result = quote([a, b], [line(a, 1), line(b, 1)], [promo({ percentBps: 1250 })]);
    expect(result.groups[0]).toMatchObject({ subtotalCents: 1004, promoDiscountCents: 126, totalCents: 878 });
    // Per-line rounding would have given 63 + 63 = 126 here too; 3 × 167 ¢ at 25 % tells them apart: 125.25 → 125.
    const c = product(3, { priceCents: 167 });
    const three = quote([c], [line(c, 3)], [promo({ percentBps: 2500 })]);
    expect(three.groups[0]?.promoDiscountCents).toBe(125);
  });

  it('fixed promo is capped at the subtotal after volume discounts; total never below zero', () => {
    const p = product(1, { priceCents: 400, tiers: [{ minQty: 1, discountPercent: 25 }] });
    const result = quote([p], [line(p, 1)], [promo({ kind: 'fixed', percentBps: null, amountCents: 500 })]);
    expect(result.groups[0]).toMatchObject({
      subtotalCents: 400,
      lineDiscountsCents: 100,
      promoDiscountCents: 300,
      discountsCents: 400,
      totalCents: 0,
    });
  });

  it('an unusable promo is a soft group warning with the reason, and takes nothing off', () => {
    const p = product(1);
    const cases: [Partial<PromoFacts>, string][] = [
      [{ active: false }, 'inactive'],
      [{ expiresAt: NOW }, 'expired'],
      [{ usageLimit: 3, usedCount: 3 }, 'exhausted'],
      [{ minSubtotalCents: 1001 }, 'below_minimum'],
    ];
    for (const [overrides, reason] of cases) {
      const group = quote([p], [line(p, 1)], [promo(overrides)]).groups[0];
      expect(group?.promoDiscountCents).toBe(0);
      expect(group?.warnings).toMatchObject([{ code: 'invalid_promo', reason }]);
    }
    const unknown = quoteCart({
      lines: [line(p, 1)],
      products: new Map([[p.productId, p]]),
      promoCodes: [{ vendorStoreId: VENDOR_A, code: 'nope' }],
      promos: new Map(),
      previousPrices: new Map(),
      now: NOW,
    });
    expect(unknown.groups[0]).toMatchObject({ promoCode: 'NOPE', warnings: [{ reason: 'unknown' }] });
  });

  it('quotes are valid for 15 minutes', () => {
    const p = product(1);
    expect(quote([p], [line(p, 1)]).validUntil.getTime() - NOW.getTime()).toBe(QUOTE_TTL_MS);
  });
});

/** Small seeded generator (mulberry32): reproducible random carts without a dependency. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

/** Independent oracle: exact BigInt half-away-from-zero of a·b/d for non-negative a, b. */
const mulDivRound = (a: number, b: bigint, d: bigint) => Number((2n * BigInt(a) * b + d) / (2n * d));
/** Percent with up to 4 decimals as an exact fraction numerator over 1 000 000 (percent × 10 000 / 100). */
const tierDiscount = (price: number, percent: number) =>
  mulDivRound(price, BigInt(Math.round(percent * 10_000)), 1_000_000n);

describe('properties over random carts', () => {
  it('totals add up at every level, never go negative, and each rounding happens once', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = random(seed);
      const vendors = [VENDOR_A, VENDOR_B];
      const products = Array.from({ length: r.int(1, 8) }, (_, i) => {
        const moq = r.int(1, 5);
        const tiers = Array.from({ length: r.int(0, 3) }, (_, k) => ({
          minQty: (k + 1) * r.int(2, 6),
          discountPercent: r.int(0, 1_000_000) / 10_000,
        }))
          .sort((x, y) => x.minQty - y.minQty)
          .filter((tier, k, all) => k === 0 || tier.minQty > (all[k - 1]?.minQty ?? 0));
        return product(i + 1, {
          vendorStoreId: r.pick(vendors),
          priceCents: r.int(0, 200_000),
          moq,
          maxQty: r.pick([0, moq + r.int(0, 30)]),
          tiers,
          freeQuantity: r.pick([null, r.int(0, 60)]),
        });
      });
      const lines = Array.from({ length: r.int(1, 12) }, () => {
        const p = r.pick(products);
        return {
          productId: p.productId,
          vendorStoreId: r.int(0, 9) === 0 ? VENDOR_B : p.vendorStoreId,
          quantity: r.int(1, 40),
        };
      });
      const promos = vendors
        .filter(() => r.int(0, 1) === 1)
        .map((vendorStoreId) =>
          r.int(0, 1)
            ? promo({
                vendorStoreId,
                code: 'P',
                kind: 'percent',
                percentBps: r.int(1, 10_000),
                minSubtotalCents: r.int(0, 5000),
              })
            : promo({ vendorStoreId, code: 'P', kind: 'fixed', percentBps: null, amountCents: r.int(1, 500_000) }),
        );
      const result = quote(products, lines, promos);
      let subtotal = 0;
      let discounts = 0;
      let total = 0;
      for (const group of result.groups) {
        let groupSubtotal = 0;
        let groupLineDiscounts = 0;
        for (const item of group.lines) {
          const facts = products.find((p) => p.productId === item.productId);
          if (!facts) throw new Error('unknown line');
          const tier = selectTier(facts.tiers, item.quantity);
          const perUnit = tier ? Math.min(tierDiscount(facts.priceCents, tier.discountPercent), facts.priceCents) : 0;
          expect(item.effectiveUnitPriceCents).toBe(facts.priceCents - perUnit);
          expect(item.lineSubtotalCents).toBe(facts.priceCents * item.quantity);
          expect(item.lineTotalCents).toBe(item.effectiveUnitPriceCents * item.quantity);
          expect(item.lineDiscountCents).toBe(item.lineSubtotalCents - item.lineTotalCents);
          expect(item.lineDiscountCents).toBeGreaterThanOrEqual(0);
          expect(item.quantity).toBeGreaterThanOrEqual(facts.moq);
          if (facts.maxQty > 0) expect(item.quantity).toBeLessThanOrEqual(facts.maxQty);
          if (item.status === 'ok') {
            groupSubtotal += item.lineSubtotalCents;
            groupLineDiscounts += item.lineDiscountCents;
          }
        }
        expect(group.subtotalCents).toBe(groupSubtotal);
        expect(group.lineDiscountsCents).toBe(groupLineDiscounts);
        const applied = promos.find((p) => p.vendorStoreId === group.vendorStoreId);
        const base = groupSubtotal - groupLineDiscounts;
        let expectedPromo = 0;
        if (applied && base > 0 && base >= applied.minSubtotalCents) {
          expectedPromo =
            applied.kind === 'percent'
              ? mulDivRound(base, BigInt(applied.percentBps ?? 0), 10_000n)
              : Math.min(applied.amountCents ?? 0, base);
        }
        expect(group.promoDiscountCents).toBe(expectedPromo);
        expect(group.discountsCents).toBe(groupLineDiscounts + expectedPromo);
        expect(group.totalCents).toBe(groupSubtotal - group.discountsCents);
        expect(group.totalCents).toBeGreaterThanOrEqual(0);
        expect(group.status).toBe(group.lines.some((l) => l.status === 'ok') ? 'ok' : 'invalid');
        subtotal += group.subtotalCents;
        discounts += group.discountsCents;
        total += group.totalCents;
      }
      expect(result.subtotalCents).toBe(subtotal);
      expect(result.discountsCents).toBe(discounts);
      expect(result.discountsCents).toBe(result.lineDiscountsCents + result.promoDiscountsCents);
      expect(result.totalCents).toBe(total);
      expect(result.totalCents).toBe(result.subtotalCents - result.discountsCents);
      expect(result.totalCents).toBeGreaterThanOrEqual(0);
      expect(new Set(result.groups.flatMap((g) => g.lines.map((l) => l.productId))).size).toBe(result.lineCount);
    }
  });

  it('tier choice is monotone in quantity: more units never select a lower threshold', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = random(seed * 7919);
      const tiers = Array.from({ length: r.int(1, 6) }, () => ({
        minQty: r.int(1, 100),
        discountPercent: r.int(0, 100),
      }));
      let previous = 0;
      for (let qty = 1; qty <= 120; qty++) {
        const chosen = selectTier(tiers, qty)?.minQty ?? 0;
        expect(chosen).toBeGreaterThanOrEqual(previous);
        expect(chosen).toBeLessThanOrEqual(qty);
        previous = chosen;
      }
    }
  });
});

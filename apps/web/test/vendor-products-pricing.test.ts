import { describe, expect, it } from 'vitest';
import { type PricePreviewInput, pricePreview } from '@/lib/vendor-products-pricing';

const TIERS = [
  { minQty: 10, discountPercent: 10 },
  { minQty: 50, discountPercent: 25 },
];

/**
 * What the cart quote charges per unit for `qty` (DOMAIN §4.3–4.4), written here from the rules rather than
 * with the domain functions the preview itself calls: the quantity raised to the MOQ and capped at the
 * maximum, the tier with the largest threshold not above it, and price × percent / 100 as an exact fraction
 * of the percent's decimal digits, rounded half up (all values are ≥ 0) by comparing twice the remainder.
 */
const quoteUnitPrice = (input: PricePreviewInput, requested: number) => {
  const qty = Math.min(Math.max(requested, input.moq), input.maxQty > 0 ? input.maxQty : Number.POSITIVE_INFINITY);
  const tier = input.tiers.filter((t) => t.minQty <= qty).sort((a, b) => b.minQty - a.minQty)[0];
  if (!tier) return { qty, unit: input.priceCents };
  const [whole = '', fraction = ''] = String(tier.discountPercent).split('.');
  const numerator = BigInt(input.priceCents) * BigInt(whole + fraction);
  const denominator = 10n ** BigInt(fraction.length + 2);
  const discount = numerator / denominator + (2n * (numerator % denominator) >= denominator ? 1n : 0n);
  return { qty, unit: input.priceCents - Number(discount) };
};

/** Every row must price its example line exactly as the cart would. */
const expectMatchesQuote = (input: PricePreviewInput) => {
  const rows = pricePreview(input);
  expect(rows).not.toBeNull();
  for (const row of rows ?? []) {
    const { qty, unit } = quoteUnitPrice(input, row.minQty);
    expect(row.exampleQty).toBe(qty);
    expect(row.unitPriceCents).toBe(unit);
    expect(row.lineTotalCents).toBe(unit * qty);
    expect(row.lineSubtotalCents).toBe(input.priceCents * qty);
    expect(row.savingsPerUnitCents).toBe(input.priceCents - unit);
  }
  return rows ?? [];
};

describe('pricePreview', () => {
  it('$20.00 with 10% from 10 and 25% from 50: $20.00 at the MOQ, $18.00 at 10, $15.00 at 50', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 1, maxQty: 0, tiers: TIERS });
    expect(rows.map((row) => [row.minQty, row.unitPriceCents, row.exampleQty, row.lineTotalCents])).toEqual([
      [1, 2000, 1, 2000],
      [10, 1800, 10, 18_000],
      [50, 1500, 50, 75_000],
    ]);
    expect(rows.map((row) => row.discountPercent)).toEqual([0, 10, 25]);
    expect(rows.map((row) => row.savingsPerUnitCents)).toEqual([0, 200, 500]);
    expect(rows.map((row) => row.lineSubtotalCents)).toEqual([2000, 20_000, 100_000]);
    expect(rows.some((row) => row.unreachable)).toBe(false);
    expect(new Set(rows.map((row) => row.key)).size).toBe(rows.length);
  });

  it('lists tiers by threshold whatever order they were typed in', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 1, maxQty: 0, tiers: [...TIERS].reverse() });
    expect(rows.map((row) => row.minQty)).toEqual([1, 10, 50]);
    expect(rows.map((row) => row.unitPriceCents)).toEqual([2000, 1800, 1500]);
  });

  it('the base row is priced at the MOQ, with the tier that applies there', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 12, maxQty: 0, tiers: TIERS });
    expect(rows[0]).toMatchObject({
      key: 'base',
      minQty: 12,
      exampleQty: 12,
      discountPercent: 10,
      unitPriceCents: 1800,
    });
    expect(rows[0]?.lineTotalCents).toBe(12 * 1800);
  });

  it('raises a tier below the MOQ to the MOQ for its example line', () => {
    const rows = expectMatchesQuote({
      priceCents: 1000,
      moq: 5,
      maxQty: 0,
      tiers: [{ minQty: 2, discountPercent: 20 }],
    });
    expect(rows[1]).toMatchObject({ minQty: 2, exampleQty: 5, unitPriceCents: 800, lineTotalCents: 4000 });
  });

  it('flags a tier above the per-order maximum as unreachable and prices its line at the maximum', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 1, maxQty: 40, tiers: TIERS });
    expect(rows.map((row) => row.unreachable)).toEqual([false, false, true]);
    // No order can buy 50: the example line is 40 units at the 10% tier.
    expect(rows[2]).toMatchObject({ minQty: 50, exampleQty: 40, unitPriceCents: 1800, lineTotalCents: 72_000 });
  });

  it('a tier exactly at the maximum is reachable', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 1, maxQty: 50, tiers: TIERS });
    expect(rows[2]).toMatchObject({ unreachable: false, exampleQty: 50, unitPriceCents: 1500 });
  });

  it('rounds the per-unit discount half away from zero, as the quote does', () => {
    // 12.5% of $9.99 is 124.875¢ → 125¢ off; 2.5% of $0.20 is 0.5¢ → 1¢ off.
    const rows = expectMatchesQuote({
      priceCents: 999,
      moq: 1,
      maxQty: 0,
      tiers: [{ minQty: 3, discountPercent: 12.5 }],
    });
    expect(rows[1]?.unitPriceCents).toBe(874);
    const small = expectMatchesQuote({
      priceCents: 20,
      moq: 1,
      maxQty: 0,
      tiers: [{ minQty: 2, discountPercent: 2.5 }],
    });
    expect(small[1]?.unitPriceCents).toBe(19);
  });

  it('rounds an exact half cent up: 64.6 % of $2.50 is 161.5¢, so a unit costs 88¢', () => {
    const rows = expectMatchesQuote({
      priceCents: 250,
      moq: 1,
      maxQty: 0,
      tiers: [{ minQty: 4, discountPercent: 64.6 }],
    });
    expect(rows[1]).toMatchObject({ unitPriceCents: 88, savingsPerUnitCents: 162, lineTotalCents: 352 });
  });

  it('prices half-cent tiers exactly as the quote would, for every price up to $20.01', () => {
    for (let priceCents = 1; priceCents <= 2001; priceCents++) {
      expectMatchesQuote({
        priceCents,
        moq: 1,
        maxQty: 0,
        tiers: [
          { minQty: 2, discountPercent: 64.6 },
          { minQty: 3, discountPercent: 12.5 },
          { minQty: 4, discountPercent: 0.0125 },
          { minQty: 5, discountPercent: 33.3333 },
        ],
      });
    }
  });

  it('a 100% tier makes the line free, never negative', () => {
    const rows = expectMatchesQuote({
      priceCents: 1500,
      moq: 1,
      maxQty: 0,
      tiers: [{ minQty: 5, discountPercent: 100 }],
    });
    expect(rows[1]).toMatchObject({ unitPriceCents: 0, lineTotalCents: 0, savingsPerUnitCents: 1500 });
  });

  it('a free product previews at zero', () => {
    const rows = expectMatchesQuote({ priceCents: 0, moq: 1, maxQty: 0, tiers: TIERS });
    expect(rows.every((row) => row.lineTotalCents === 0)).toBe(true);
  });

  it('without tiers there is only the base row', () => {
    const rows = expectMatchesQuote({ priceCents: 2000, moq: 3, maxQty: 0, tiers: [] });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ minQty: 3, unitPriceCents: 2000, lineTotalCents: 6000, discountPercent: 0 });
  });

  it.each([
    ['a blank price', Number.NaN],
    ['a negative price', -100],
    ['a fractional cent price', 12.5],
    ['an infinite price', Number.POSITIVE_INFINITY],
  ])('shows no preview for %s', (_, priceCents) => {
    expect(pricePreview({ priceCents, moq: 1, maxQty: 0, tiers: TIERS })).toBeNull();
  });

  it('leaves out tiers that are not valid yet, and they do not change the other rows', () => {
    const invalid = [
      { minQty: Number.NaN, discountPercent: 15 },
      { minQty: 0, discountPercent: 15 },
      { minQty: 2.5, discountPercent: 15 },
      { minQty: 5, discountPercent: Number.NaN },
      { minQty: 5, discountPercent: -5 },
      { minQty: 5, discountPercent: 150 },
      // More decimals than the column keeps: the form refuses it, so the preview does not price it either.
      { minQty: 5, discountPercent: 12.34567 },
    ];
    const input = { priceCents: 2000, moq: 1, maxQty: 0 };
    const clean = pricePreview({ ...input, tiers: TIERS });
    const messy = pricePreview({ ...input, tiers: [...invalid, ...TIERS] });
    expect(messy).toEqual(clean);
    expect(pricePreview({ ...input, tiers: invalid })).toEqual(pricePreview({ ...input, tiers: [] }));
  });

  it('falls back to an MOQ of 1 and no maximum while those inputs are blank', () => {
    const blank = pricePreview({ priceCents: 2000, moq: Number.NaN, maxQty: Number.NaN, tiers: TIERS });
    expect(blank).toEqual(pricePreview({ priceCents: 2000, moq: 1, maxQty: 0, tiers: TIERS }));
  });

  it('matches the quote for a grid of prices, MOQs, maximums and tiers', () => {
    const tierSets = [
      [],
      TIERS,
      [
        { minQty: 1, discountPercent: 5 },
        { minQty: 6, discountPercent: 7.25 },
        { minQty: 24, discountPercent: 33.3333 },
      ],
    ];
    for (const priceCents of [1, 99, 1234, 2000, 99_999])
      for (const moq of [1, 6, 30])
        for (const maxQty of [0, 6, 30, 60])
          for (const tiers of tierSets) {
            if (maxQty !== 0 && maxQty < moq) continue;
            const rows = expectMatchesQuote({ priceCents, moq, maxQty, tiers });
            expect(rows).toHaveLength(tiers.length + 1);
            for (const row of rows) {
              expect(row.unreachable).toBe(maxQty > 0 && row.minQty > maxQty);
              expect(row.unitPriceCents).toBeGreaterThanOrEqual(0);
              expect(row.unitPriceCents).toBeLessThanOrEqual(priceCents);
            }
          }
  });
});

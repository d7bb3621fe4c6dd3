import { describe, expect, it } from 'vitest';
import {
  discountTierInput,
  effectiveUnitPriceCents,
  percentToPpm,
  perUnitDiscountCents,
  ppmToPercentText,
  pricedTier,
} from '../src';

/**
 * The oracle works on the percent's decimal digits as written, never on parts per million or BigInt:
 * schoolbook multiplication of the price digits by the percent digits, the decimal point moved left (÷100 and
 * the percent's own decimals), then the cents rounded half up by the first dropped digit (all values are ≥ 0,
 * so half up is half away from zero).
 */
function multiplyDigits(a: string, b: string): string {
  const product = new Array<number>(a.length + b.length).fill(0);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const at = i + j + 1;
      const sum = (product[at] ?? 0) + Number(a[i]) * Number(b[j]);
      product[at] = sum % 10;
      product[at - 1] = (product[at - 1] ?? 0) + Math.floor(sum / 10);
    }
  }
  return product.join('');
}

function oracleDiscountCents(priceCents: number, percentText: string): number {
  const [whole = '', fraction = ''] = percentText.split('.');
  const shift = fraction.length + 2;
  const digits = multiplyDigits(String(priceCents), whole + fraction).padStart(shift + 1, '0');
  const cents = Number(digits.slice(0, digits.length - shift));
  return Number(digits[digits.length - shift]) >= 5 ? cents + 1 : cents;
}

/** The database's text for a percent of `ppm` parts per million, as numeric(7,4) prints it ("64.6000"). */
const columnText = (ppm: number) => `${Math.floor(ppm / 10_000)}.${String(ppm % 10_000).padStart(4, '0')}`;

/**
 * Every (price, percent) with price 1..2001¢ and a percent of at most 4 decimals where price × percent / 100
 * ends in exactly half a cent: price × ppm = 1_000_000·k + 500_000 for some whole k < price.
 */
function halfCentCases(maxPriceCents: number) {
  const cases: { priceCents: number; ppm: number }[] = [];
  for (let priceCents = 1; priceCents <= maxPriceCents; priceCents++) {
    for (let k = 0; k < priceCents; k++) {
      const scaled = 1_000_000 * k + 500_000;
      if (scaled % priceCents === 0) cases.push({ priceCents, ppm: scaled / priceCents });
    }
  }
  return cases;
}

/** A small seeded generator (mulberry32) so random cases are the same on every run. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe('the per-unit volume discount (DOMAIN §4.4)', () => {
  it('250¢ at 64.6 % is 162¢ off (161.5 rounds up), so a unit costs 88¢', () => {
    expect(oracleDiscountCents(250, '64.6')).toBe(162);
    expect(perUnitDiscountCents(250, 646_000)).toBe(162);
    expect(effectiveUnitPriceCents(250, pricedTier({ minQty: 1, discountPercent: 64.6 }))).toBe(88);
    expect(effectiveUnitPriceCents(250, pricedTier({ minQty: 1, discountPercent: '64.6000' }))).toBe(88);
  });

  const cases = halfCentCases(2001);

  it('enumerates the 22,401 exact half-cent cases up to 2,001¢, each one a true half by the oracle', () => {
    expect(cases).toHaveLength(22_401);
    for (const { priceCents, ppm } of cases) {
      const digits = multiplyDigits(String(priceCents), columnText(ppm).replace('.', ''));
      // The six digits below the cents are exactly 500000.
      expect(digits.slice(-6)).toBe('500000');
    }
  });

  it('rounds every half-cent case up, from the column text and from the JSON number alike', () => {
    const wrong: string[] = [];
    for (const { priceCents, ppm } of cases) {
      const text = columnText(ppm);
      const expected = priceCents - oracleDiscountCents(priceCents, text);
      const fromColumn = effectiveUnitPriceCents(priceCents, pricedTier({ minQty: 1, discountPercent: text }));
      const fromJson = effectiveUnitPriceCents(priceCents, pricedTier({ minQty: 1, discountPercent: Number(text) }));
      if (fromColumn !== expected || fromJson !== expected) wrong.push(`${priceCents}¢ at ${text} %`);
    }
    expect(wrong).toEqual([]);
  });

  it('these cases catch binary floating point: price × percent / 100 with Math.round gets 276 wrong', () => {
    const floatWrong = cases.filter(({ priceCents, ppm }) => {
      const text = columnText(ppm);
      return Math.round((priceCents * Number(text)) / 100) !== oracleDiscountCents(priceCents, text);
    });
    expect(floatWrong).toHaveLength(276);
  });

  it('agrees with the oracle on 20,000 random prices up to $1,000,000 and percents of up to 4 decimals', () => {
    const random = seededRandom(20_240_601);
    for (let i = 0; i < 20_000; i++) {
      const priceCents = Math.floor(random() * 100_000_001);
      const ppm = Math.floor(random() * 1_000_001);
      const text = ppmToPercentText(ppm);
      expect(perUnitDiscountCents(priceCents, ppm), `${priceCents}¢ at ${text} %`).toBe(
        oracleDiscountCents(priceCents, text),
      );
    }
  });

  it('stays within [0, price]: 0 % keeps the price, 100 % makes the unit free, no tier is the list price', () => {
    for (const priceCents of [0, 1, 999, 100_000_000]) {
      expect(effectiveUnitPriceCents(priceCents, { discountPpm: 0 })).toBe(priceCents);
      expect(effectiveUnitPriceCents(priceCents, { discountPpm: 1_000_000 })).toBe(0);
      expect(effectiveUnitPriceCents(priceCents, null)).toBe(priceCents);
    }
    expect(effectiveUnitPriceCents(1000, { discountPpm: 1_500_000 })).toBe(0);
    expect(effectiveUnitPriceCents(1000, { discountPpm: -5 })).toBe(1000);
  });

  it('refuses a price that is not whole non-negative cents (a bug upstream, never a silent guess)', () => {
    for (const price of [-1, 12.5, Number.NaN, 2 ** 60])
      expect(() => perUnitDiscountCents(price, 10_000)).toThrow(RangeError);
  });
});

describe('exact percents', () => {
  it.each([
    ['64.6000', 646_000],
    [64.6, 646_000],
    ['100.0000', 1_000_000],
    [100, 1_000_000],
    ['0.0000', 0],
    [0, 0],
    [0.0001, 1],
    ['33.3333', 333_333],
    [7.25, 72_500],
    ['5.000000', 50_000],
  ] as const)('%s is %d parts per million', (percent, ppm) => {
    expect(percentToPpm(percent)).toBe(ppm);
    expect(percentToPpm(ppmToPercentText(ppm))).toBe(ppm);
  });

  it.each([
    12.34567,
    '12.00001',
    100.0001,
    '1000',
    -1,
    '-0.5',
    Number.NaN,
    Number.POSITIVE_INFINITY,
    1e-7,
    '1e2',
    ' 5',
    '5%',
    '',
    '.5',
    '12.',
  ])('%s is not an exact percent', (percent) => {
    expect(percentToPpm(percent)).toBeNull();
    expect(() => pricedTier({ minQty: 1, discountPercent: percent })).toThrow(RangeError);
  });

  it('prints the shortest text the column takes', () => {
    expect([646_000, 1_000_000, 0, 1, 72_500, 333_333].map(ppmToPercentText)).toEqual([
      '64.6',
      '100',
      '0',
      '0.0001',
      '7.25',
      '33.3333',
    ]);
  });

  it('a tier typed with more than 4 decimals is refused, naming the field', () => {
    const parsed = discountTierInput.array().safeParse([
      { minQty: 10, discountPercent: 12.5 },
      { minQty: 20, discountPercent: 33.33333 },
    ]);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['1.discountPercent', 'at most 4 decimals'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  bpsToPercentText,
  canExpire,
  endOfUtcDayIso,
  formatPromoDiscount,
  formatPromoMinimum,
  formatPromoUses,
  formatPromoValidity,
  lastUtcDayOf,
  percentTextToBps,
  promoStatusOf,
} from '@/lib/promo-format';

const NOW = new Date('2026-12-05T12:00:00.000Z');
const facts = { active: true, expiresAt: null, usageLimit: null, usedCount: 0 };

describe('percentages as basis points', () => {
  it('reads typed percentages exactly, without floats', () => {
    expect(percentTextToBps('10')).toBe(1000);
    expect(percentTextToBps('12.5')).toBe(1250);
    expect(percentTextToBps('0.05')).toBe(5);
    expect(percentTextToBps('33.33')).toBe(3333);
    // 0.1 + 0.2 style float noise would turn 29.01 into 2900.9999…; digit reading cannot.
    expect(percentTextToBps('29.01')).toBe(2901);
    expect(percentTextToBps(' 7 % ')).toBe(700);
    expect(percentTextToBps('100')).toBe(10000);
    expect(percentTextToBps('150')).toBe(15000);
  });

  it('refuses text that is not a percentage with at most two decimals', () => {
    for (const text of ['', 'abc', '1.234', '-5', '1,5', '.5%x', '10%%']) expect(percentTextToBps(text)).toBeNaN();
  });

  it('writes basis points back as the shortest exact decimal', () => {
    expect(bpsToPercentText(1000)).toBe('10');
    expect(bpsToPercentText(1250)).toBe('12.5');
    expect(bpsToPercentText(1234)).toBe('12.34');
    expect(bpsToPercentText(5)).toBe('0.05');
    expect(bpsToPercentText(50)).toBe('0.5');
    expect(bpsToPercentText(10000)).toBe('100');
  });
});

describe('promo display text', () => {
  it('says what a code takes off', () => {
    expect(formatPromoDiscount({ kind: 'percent', percentBps: 1000, amountCents: null })).toBe('10 %');
    expect(formatPromoDiscount({ kind: 'percent', percentBps: 1250, amountCents: null })).toBe('12.5 %');
    expect(formatPromoDiscount({ kind: 'fixed', percentBps: null, amountCents: 500 })).toBe('$5.00 off');
    expect(formatPromoDiscount({ kind: 'fixed', percentBps: null, amountCents: 123456 })).toBe('$1,234.56 off');
  });

  it('says the minimum subtotal and the uses against the limit', () => {
    expect(formatPromoMinimum(0)).toBe('No minimum');
    expect(formatPromoMinimum(10000)).toBe('$100.00 minimum');
    expect(formatPromoUses(3, 100)).toBe('3 / 100 uses');
    expect(formatPromoUses(1, null)).toBe('1 use, no limit');
    expect(formatPromoUses(1200, 5000)).toBe('1,200 / 5,000 uses');
  });

  it('says how long a code is good for, in UTC days', () => {
    expect(formatPromoValidity(null, NOW)).toEqual({ text: 'No end date', title: null });
    expect(formatPromoValidity('2027-01-01T00:00:00.000Z', NOW)).toEqual({
      text: 'Until Dec 31, 2026',
      title: '2027-01-01 00:00 UTC',
    });
    expect(formatPromoValidity('2026-12-05T11:59:00.000Z', NOW).text).toBe('Ended Dec 5, 2026');
  });
});

describe('the last day a code works', () => {
  it('runs through the end of the chosen UTC day', () => {
    expect(endOfUtcDayIso('2026-12-31')).toBe('2027-01-01T00:00:00.000Z');
    expect(endOfUtcDayIso('2028-02-29')).toBe('2028-03-01T00:00:00.000Z');
    expect(lastUtcDayOf('2027-01-01T00:00:00.000Z')).toBe('2026-12-31');
    expect(lastUtcDayOf('2026-12-20T15:30:00.000Z')).toBe('2026-12-20');
  });

  it('has no instant for a blank or impossible date', () => {
    expect(endOfUtcDayIso('')).toBeNull();
    expect(endOfUtcDayIso('2026-02-31')).toBeNull();
    expect(endOfUtcDayIso('31/12/2026')).toBeNull();
  });
});

describe('what the vendor sees a code as', () => {
  it('is active while it is on, in date and not used up', () => {
    expect(promoStatusOf(facts, NOW)).toBe('active');
    expect(promoStatusOf({ ...facts, expiresAt: '2026-12-06T00:00:00.000Z', usageLimit: 5, usedCount: 4 }, NOW)).toBe(
      'active',
    );
  });

  it('is paused when switched off, used up at its limit', () => {
    expect(promoStatusOf({ ...facts, active: false }, NOW)).toBe('paused');
    expect(promoStatusOf({ ...facts, usageLimit: 5, usedCount: 5 }, NOW)).toBe('used_up');
  });

  it('is expired once its end has passed, even though ending it also switched it off', () => {
    expect(promoStatusOf({ ...facts, expiresAt: '2026-12-05T12:00:00.000Z' }, NOW)).toBe('expired');
    expect(promoStatusOf({ ...facts, active: false, expiresAt: '2026-12-05T11:00:00.000Z' }, NOW)).toBe('expired');
    expect(canExpire('expired')).toBe(false);
    expect(canExpire('paused')).toBe(true);
  });
});

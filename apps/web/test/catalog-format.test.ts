import { describe, expect, it } from 'vitest';
import {
  categoryLabel,
  centsToDollarsText,
  classificationLabel,
  dollarsToCents,
  formatCount,
  formatMoney,
  formatMoneyShort,
  formatPercent,
  formatQuantity,
  humanizeEnum,
} from '@/lib/catalog-format';

describe('dollarsToCents', () => {
  it.each([
    ['20', 2000],
    ['20.5', 2050],
    ['20.50', 2050],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['007', 700],
    [' 12.99 ', 1299],
    ['$1,234.56', 123_456],
    ['$20', 2000],
    ['1,000,000', 100_000_000],
  ])('accepts %j as %i cents', (text, cents) => {
    expect(dollarsToCents(text)).toBe(cents);
  });

  it.each([
    '20.555',
    '-1',
    '-0.50',
    'abc',
    '',
    '   ',
    '$',
    '.',
    '.5',
    '20.',
    '1e3',
    '0x10',
    '12,50.0.1',
    '1,2,3',
    '12,34',
    '1,2345',
    '20 dollars',
    'Infinity',
    'NaN',
    '99999999999999999999',
  ])('refuses %j', (text) => {
    expect(dollarsToCents(text)).toBeNull();
  });

  it('gives exact integer cents for every amount with two decimals (no floating point drift)', () => {
    for (let cents = 0; cents < 100_000; cents += 1) {
      const text = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const parsed = dollarsToCents(text);
      if (parsed !== cents) throw new Error(`${text} → ${parsed}, expected ${cents}`);
    }
  });

  it('reads back what centsToDollarsText writes (the text inputs and the URL rely on it)', () => {
    for (const cents of [0, 1, 5, 10, 99, 100, 1050, 1200, 1299, 123_456, 100_000_000]) {
      const text = centsToDollarsText(cents);
      expect(text).not.toMatch(/[,$]/);
      expect(dollarsToCents(text)).toBe(cents);
    }
    expect(centsToDollarsText(1250)).toBe('12.50');
    expect(centsToDollarsText(1200)).toBe('12');
  });
});

describe('formatMoney', () => {
  it.each([
    [123_456, '$1,234.56'],
    [1250, '$12.50'],
    [1200, '$12.00'],
    [5, '$0.05'],
    [0, '$0.00'],
    [100_000_000, '$1,000,000.00'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatMoney(cents)).toBe(text);
  });

  it('short money drops whole-dollar cents only', () => {
    expect(formatMoneyShort(1200)).toBe('$12');
    expect(formatMoneyShort(1250)).toBe('$12.50');
    expect(formatMoneyShort(123_400)).toBe('$1,234');
    expect(formatMoneyShort(5)).toBe('$0.05');
  });
});

describe('formatPercent', () => {
  it.each([
    [20, '20%'],
    [22.46, '22.5%'],
    [22.44, '22.4%'],
    [18.04, '18%'],
    [0.1, '0.1%'],
    [0, '0%'],
    [100, '100%'],
    [33.3333, '33.3%'],
  ])('%d → %s', (value, text) => {
    expect(formatPercent(value)).toBe(text);
  });

  it('never shows more than one decimal', () => {
    for (let hundredths = 0; hundredths <= 10_000; hundredths += 7) {
      expect(formatPercent(hundredths / 100)).toMatch(/^\d{1,3}(\.\d)?%$/);
    }
  });
});

describe('counts and labels', () => {
  it('formats counts and quantities', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatQuantity(1, 'unit')).toBe('1 unit');
    expect(formatQuantity(3, 'gram')).toBe('3 grams');
    expect(formatQuantity(1200, 'eighth')).toBe('1,200 eighths');
  });

  it('labels enums, and falls back to a readable form for unknown values', () => {
    expect(categoryLabel('pre_roll')).toBe('Pre-roll');
    expect(categoryLabel('cart')).toBe('Cartridge');
    expect(categoryLabel('new_thing')).toBe('New thing');
    expect(classificationLabel('cbd')).toBe('CBD');
    expect(classificationLabel('mystery')).toBe('Mystery');
    expect(humanizeEnum('stress_relief')).toBe('Stress relief');
  });
});

import { describe, expect, it } from 'vitest';
import { countOf, nounFor, PRODUCT } from '@/lib/plural';

describe('counted nouns', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(countOf(1, PRODUCT)).toBe('1 product');
    expect(countOf(0, PRODUCT)).toBe('0 products');
    expect(countOf(2, PRODUCT)).toBe('2 products');
    expect(countOf(1234, PRODUCT)).toBe('1,234 products');
    expect(nounFor(1, { one: 'entry', other: 'entries' })).toBe('entry');
    expect(nounFor(21, { one: 'entry', other: 'entries' })).toBe('entries');
  });
});

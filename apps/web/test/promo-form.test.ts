import type { PromoDto } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { filterPromos, parsePromoFilters, promoFiltersToSearch } from '@/lib/promo-filters';
import {
  createInputOf,
  emptyPromoValues,
  hasPromoChanges,
  percentErrorText,
  promoValuesOf,
  updateInputOf,
} from '@/lib/promo-form';

const ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const stored: PromoDto = {
  id: ID,
  code: 'SPRING10',
  kind: 'percent',
  percentBps: 1000,
  amountCents: null,
  minSubtotalCents: 0,
  usageLimit: null,
  usedCount: 2,
  active: true,
  expiresAt: '2027-01-01T00:00:00.000Z',
  state: 'live',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
};

describe('form values to the create request', () => {
  it('sends only the chosen kind’s value, and a blank minimum as none', () => {
    const values = { ...emptyPromoValues(), code: 'bulk5', kind: 'fixed' as const, amountCents: 500, percentBps: 1000 };
    expect(createInputOf(values)).toEqual({
      kind: 'fixed',
      amountCents: 500,
      code: 'bulk5',
      minSubtotalCents: 0,
      usageLimit: null,
      expiresAt: null,
      active: true,
    });
    expect(createInputOf({ ...values, kind: 'percent', minSubtotalCents: 10000, usageLimit: 50 })).toEqual({
      kind: 'percent',
      percentBps: 1000,
      code: 'bulk5',
      minSubtotalCents: 10000,
      usageLimit: 50,
      expiresAt: null,
      active: true,
    });
  });
});

describe('a stored code as an edit', () => {
  it('loads a zero minimum as blank and round-trips to no change', () => {
    const loaded = promoValuesOf(stored);
    expect(loaded.minSubtotalCents).toBeNull();
    expect(loaded.amountCents).toBeNaN();
    const input = updateInputOf(ID, loaded, loaded);
    expect(input).toEqual({ promoId: ID });
    expect(hasPromoChanges(input)).toBe(false);
  });

  it('sends only what changed, clearing a limit or end date with null', () => {
    const loaded = promoValuesOf({ ...stored, usageLimit: 100 });
    const edited = { ...loaded, percentBps: 1500, usageLimit: null, expiresAt: null };
    const input = updateInputOf(ID, edited, loaded);
    expect(input).toEqual({ promoId: ID, percentBps: 1500, usageLimit: null, expiresAt: null });
    expect(hasPromoChanges(input)).toBe(true);
  });

  it('changes a fixed code’s amount, never its percent', () => {
    const loaded = promoValuesOf({ ...stored, kind: 'fixed', percentBps: null, amountCents: 500 });
    expect(updateInputOf(ID, { ...loaded, amountCents: 750, active: false }, loaded)).toEqual({
      promoId: ID,
      amountCents: 750,
      active: false,
    });
  });
});

describe('percent field errors', () => {
  it('speaks percent rather than basis points', () => {
    expect(percentErrorText({ type: 'too_big', message: 'must be at most 10000 (100 %)' })).toBe(
      'must be at most 100 %',
    );
    expect(percentErrorText({ type: 'too_small', message: 'x' })).toBe('must be at least 0.01 %');
    expect(percentErrorText({ type: 'invalid_type', message: 'must be a number' })).toMatch(/two decimals/);
    expect(percentErrorText({ message: 'from the server' })).toBe('from the server');
    expect(percentErrorText(undefined)).toBeUndefined();
  });
});

describe('promo filters in the URL', () => {
  it('keeps a known status and the search, drops the rest', () => {
    expect(parsePromoFilters({ q: 'spring', status: 'used_up' })).toEqual({ q: 'spring', status: 'used_up' });
    expect(parsePromoFilters({ status: 'bogus', q: ['a', 'b'] })).toEqual({ q: '', status: '' });
    expect(promoFiltersToSearch({ q: ' spring ', status: 'expired' })).toBe('?q=spring&status=expired');
    expect(promoFiltersToSearch({ q: '', status: '' })).toBe('');
  });

  it('matches codes case-insensitively and by the status the vendor sees', () => {
    const now = new Date('2026-12-05T12:00:00.000Z');
    const promos = [
      stored,
      { ...stored, id: 'b', code: 'BULK5', active: false, state: 'inactive' as const },
      { ...stored, id: 'c', code: 'OLDSPRING', active: false, expiresAt: '2026-12-05T11:00:00.000Z' },
    ];
    expect(filterPromos(promos, { q: 'spring', status: '' }, now).map((p) => p.code)).toEqual([
      'SPRING10',
      'OLDSPRING',
    ]);
    expect(filterPromos(promos, { q: '', status: 'expired' }, now).map((p) => p.code)).toEqual(['OLDSPRING']);
    expect(filterPromos(promos, { q: '', status: 'paused' }, now).map((p) => p.code)).toEqual(['BULK5']);
    expect(filterPromos(promos, { q: 'spring', status: 'active' }, now).map((p) => p.code)).toEqual(['SPRING10']);
  });
});

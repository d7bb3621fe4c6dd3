import { describe, expect, it } from 'vitest';
import { cartQuoteInput, checkoutSubmitInput, createPromoInput, MAX_CART_LINES, updatePromoInput } from '../src';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const line = (quantity: unknown) => ({ productId: id(1), vendorStoreId: id(2), quantity });
const pathsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((issue) => issue.path.join('.')) ?? [];

describe('cart.quote input', () => {
  it('takes intent only and upper-cases promo codes', () => {
    const parsed = cartQuoteInput.parse({
      items: [line(3)],
      vendorPromos: [{ vendorStoreId: id(2), code: 'spring-10' }],
    });
    expect(parsed.vendorPromos[0]?.code).toBe('SPRING-10');
    expect(parsed.adTokens).toEqual([]);
  });

  it.each([
    ['zero', 0],
    ['negative', -1],
    ['a billion', 1_000_000_000],
    ['fractional', 1.5],
    ['a string', '3'],
  ])('refuses a %s quantity at items.0.quantity', (_name, quantity) => {
    expect(pathsOf(cartQuoteInput.safeParse({ items: [line(quantity)] }))).toEqual(['items.0.quantity']);
  });

  it('refuses an empty cart, too many lines, unknown fields and a price sent by the client', () => {
    expect(pathsOf(cartQuoteInput.safeParse({ items: [] }))).toEqual(['items']);
    const many = Array.from({ length: MAX_CART_LINES + 1 }, () => line(1));
    expect(pathsOf(cartQuoteInput.safeParse({ items: many }))).toEqual(['items']);
    expect(pathsOf(cartQuoteInput.safeParse({ items: [{ ...line(1), priceCents: 1 }] }))).toEqual(['items.0']);
  });
});

describe('checkout.submit input', () => {
  it('needs a cart id and cash or ach', () => {
    expect(checkoutSubmitInput.safeParse({ cartId: id(1), paymentMethod: 'cash' }).success).toBe(true);
    expect(pathsOf(checkoutSubmitInput.safeParse({ cartId: 'x', paymentMethod: 'card' }))).toEqual([
      'cartId',
      'paymentMethod',
    ]);
  });
});

describe('promo input', () => {
  it('percent promos are whole basis points up to 100 %; fixed promos whole cents', () => {
    expect(createPromoInput.safeParse({ kind: 'percent', code: 'TEN', percentBps: 1000 }).success).toBe(true);
    expect(pathsOf(createPromoInput.safeParse({ kind: 'percent', code: 'TEN', percentBps: 10.5 }))).toEqual([
      'percentBps',
    ]);
    expect(pathsOf(createPromoInput.safeParse({ kind: 'percent', code: 'TEN', percentBps: 10_001 }))).toEqual([
      'percentBps',
    ]);
    expect(pathsOf(createPromoInput.safeParse({ kind: 'fixed', code: 'FIVE', amountCents: 0 }))).toEqual([
      'amountCents',
    ]);
    expect(pathsOf(createPromoInput.safeParse({ kind: 'fixed', code: 'a b', amountCents: 500 }))).toEqual(['code']);
    expect(pathsOf(updatePromoInput.safeParse({ promoId: id(1), code: 'NEW' }))).toEqual(['']);
  });
});

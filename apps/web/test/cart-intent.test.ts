import type { CartDto } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_INTENT,
  intentOf,
  quantityInCart,
  quoteInputOf,
  refusedProducts,
  withAdded,
  withoutProduct,
  withPromo,
  withQuantity,
} from '@/lib/cart-intent';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';

/** Just the parts of a quoted cart the intent reads; the rest of the DTO is irrelevant here. */
function quoted(groups: { vendor: string; promoCode: string | null; lines: [string, number, number][] }[]): CartDto {
  return {
    vendorGroups: groups.map((group) => ({
      vendorStoreId: group.vendor,
      promoCode: group.promoCode,
      items: group.lines.map(([productId, requestedQuantity, quantity]) => ({
        productId,
        vendorStoreId: group.vendor,
        requestedQuantity,
        quantity,
      })),
    })),
  } as unknown as CartDto;
}

describe('the intent behind a quoted cart', () => {
  it('lists every line with the quantity the quote settled on, and the codes entered per vendor', () => {
    const cart = quoted([
      {
        vendor: A,
        promoCode: 'SPRING',
        lines: [
          [P1, 2, 5],
          [P2, 10, 10],
        ],
      },
      { vendor: B, promoCode: null, lines: [[P3, 3, 3]] },
    ]);
    expect(intentOf(cart)).toEqual({
      items: [
        { productId: P1, vendorStoreId: A, quantity: 5 },
        { productId: P2, vendorStoreId: A, quantity: 10 },
        { productId: P3, vendorStoreId: B, quantity: 3 },
      ],
      promos: { [A]: 'SPRING' },
    });
    expect(quantityInCart(cart, P1)).toBe(5);
    expect(quantityInCart(cart, '00000000-0000-4000-8000-0000000000ff')).toBe(0);
  });

  it('is empty without a cart', () => {
    expect(intentOf(null)).toEqual({ items: [], promos: {} });
    expect(quoteInputOf(EMPTY_INTENT)).toBeNull();
  });
});

describe('cart edits', () => {
  const start = { items: [{ productId: P1, vendorStoreId: A, quantity: 5 }], promos: { [A]: 'SPRING' } };

  it('adds a new product as a new line and tops up one already in the cart', () => {
    const added = withAdded(start, { productId: P3, vendorStoreId: B }, 3);
    expect(added.items).toEqual([
      { productId: P1, vendorStoreId: A, quantity: 5 },
      { productId: P3, vendorStoreId: B, quantity: 3 },
    ]);
    expect(withAdded(added, { productId: P1, vendorStoreId: A }, 4).items[0]).toEqual({
      productId: P1,
      vendorStoreId: A,
      quantity: 9,
    });
  });

  it('sets a quantity, and removes the line at zero', () => {
    expect(withQuantity(start, { productId: P1, vendorStoreId: A }, 12).items).toEqual([
      { productId: P1, vendorStoreId: A, quantity: 12 },
    ]);
    expect(withQuantity(start, { productId: P1, vendorStoreId: A }, 0).items).toEqual([]);
  });

  it('drops a vendor’s code together with its last line, and keeps it while lines remain', () => {
    const two = withAdded(start, { productId: P2, vendorStoreId: A }, 1);
    expect(withoutProduct(two, P1).promos).toEqual({ [A]: 'SPRING' });
    expect(withoutProduct(start, P1)).toEqual({ items: [], promos: {} });
  });

  it('enters, replaces and removes a promo code; blank means none', () => {
    expect(withPromo(start, A, ' fall5 ').promos).toEqual({ [A]: 'fall5' });
    expect(withPromo(start, A, null).promos).toEqual({});
    expect(withPromo(start, A, '   ').promos).toEqual({});
  });

  it('sends the intent only: product, vendor, quantity and codes of vendors still in the cart', () => {
    const intent = { items: [{ productId: P1, vendorStoreId: A, quantity: 5 }], promos: { [A]: 'SPRING', [B]: 'OLD' } };
    expect(quoteInputOf(intent)).toEqual({
      items: [{ productId: P1, vendorStoreId: A, quantity: 5 }],
      vendorPromos: [{ vendorStoreId: A, code: 'SPRING' }],
    });
  });
});

describe('products a refused quote names', () => {
  it('maps item violations back to product ids, once each, ignoring other paths', () => {
    const input = {
      items: [
        { productId: P1, vendorStoreId: A, quantity: 1 },
        { productId: P2, vendorStoreId: A, quantity: 1 },
        { productId: P3, vendorStoreId: B, quantity: 1 },
      ],
    };
    expect(
      refusedProducts(input, [
        { path: 'items.2.productId' },
        { path: 'items.0.productId' },
        { path: 'items.0.productId' },
        { path: 'vendorPromos.0.code' },
        { path: 'items.9.productId' },
      ]),
    ).toEqual([P3, P1]);
  });
});

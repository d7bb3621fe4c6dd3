import { describe, expect, it } from 'vitest';
import { checkoutRefusal, failureText, lineWarningText, orderStatusBadge, promoRefusal } from '@/lib/cart-messages';

describe('promo refusals shown under the code field', () => {
  it('says why the code did not apply', () => {
    expect(promoRefusal([{ code: 'invalid_promo', message: 'x', reason: 'unknown' }])).toBe(
      'This vendor has no such code. Check the spelling.',
    );
    expect(promoRefusal([{ code: 'invalid_promo', message: 'x', reason: 'expired' }])).toBe('This code has expired.');
    expect(
      promoRefusal([{ code: 'invalid_promo', message: 'x', reason: 'below_minimum', minSubtotalCents: 50000 }]),
    ).toBe('Applies from $500.00 with this vendor (after volume discounts).');
  });

  it('is null when no promo warning is present', () => {
    expect(promoRefusal([{ code: 'vendor_invalid', message: 'no valid items' }])).toBeNull();
    expect(promoRefusal([])).toBeNull();
  });
});

describe('line warnings', () => {
  it('explains stock shortfalls and price changes in the buyer’s terms', () => {
    expect(lineWarningText({ code: 'not_available', message: 'm', availableQuantity: 3, requestedQuantity: 10 })).toBe(
      'Only 3 available: lower the quantity to order it.',
    );
    expect(lineWarningText({ code: 'not_available', message: 'm', availableQuantity: 0 })).toBe(
      'Out of stock: this line will not be ordered.',
    );
    expect(lineWarningText({ code: 'price_changed', message: 'm', previousUnitPriceCents: 1250 })).toBe(
      'Price changed from $12.50.',
    );
    expect(lineWarningText({ code: 'clamped_to_moq', message: 'Quantity raised to the MOQ (5).' })).toBe(
      'Quantity raised to the MOQ (5).',
    );
  });
});

describe('checkout outcomes', () => {
  it('labels order statuses with words and the shared colours', () => {
    expect(orderStatusBadge('created_pending')).toEqual({ label: 'Awaiting vendor', tone: 'pending' });
    expect(orderStatusBadge('rejected')).toEqual({ label: 'Not placed', tone: 'danger' });
    expect(orderStatusBadge('hold_on_payment')).toEqual({ label: 'Hold on payment', tone: 'neutral' });
  });

  it('gives the server’s failure message, else the sentence of the reason', () => {
    expect(failureText('insufficient_inventory', null)).toBe('Not enough stock left to reserve this quantity.');
    expect(failureText('insufficient_inventory', 'Only 2 left.')).toBe('Only 2 left.');
  });

  it('offers a re-quote for an expired quote, not for other refusals', () => {
    expect(checkoutRefusal('QUOTE_EXPIRED', 'expired').requote).toBe(true);
    expect(checkoutRefusal('FORBIDDEN', 'Your store needs a license')).toEqual({
      text: 'Your store needs a license',
      requote: false,
    });
  });
});

import type { CartDto, CartQuoteInput } from '@pf/domain';

/**
 * What the buyer asked for, the only thing the client sends to `cart.quote` (prices, tiers and totals come
 * back from the server). The quote replaces the whole cart, so every change starts from the last answer.
 */
export interface CartIntent {
  items: { productId: string; vendorStoreId: string; quantity: number }[];
  /** Promo code per vendor store id. */
  promos: Record<string, string>;
}

export const EMPTY_INTENT: CartIntent = { items: [], promos: {} };

/**
 * The intent behind a quoted cart. Lines keep the quantity the quote settled on (after MOQ/max clamps), so a
 * later re-quote does not repeat a clamp warning the buyer has already seen.
 */
export function intentOf(cart: CartDto | null | undefined): CartIntent {
  if (!cart) return EMPTY_INTENT;
  const items = cart.vendorGroups.flatMap((group) =>
    group.items.map((line) => ({
      productId: line.productId,
      vendorStoreId: line.vendorStoreId,
      quantity: line.quantity,
    })),
  );
  const promos: Record<string, string> = {};
  for (const group of cart.vendorGroups) if (group.promoCode) promos[group.vendorStoreId] = group.promoCode;
  return { items, promos };
}

/** Sets a product's quantity (adds the line when absent); 0 or less removes it. */
export function withQuantity(
  intent: CartIntent,
  product: { productId: string; vendorStoreId: string },
  quantity: number,
): CartIntent {
  if (quantity <= 0) return withoutProduct(intent, product.productId);
  const present = intent.items.some((item) => item.productId === product.productId);
  const items = present
    ? intent.items.map((item) => (item.productId === product.productId ? { ...item, quantity } : item))
    : [...intent.items, { ...product, quantity }];
  return { ...intent, items };
}

/** Adds to what the cart already holds of the product; the server clamps to MOQ / max and says so. */
export function withAdded(
  intent: CartIntent,
  product: { productId: string; vendorStoreId: string },
  quantity: number,
): CartIntent {
  const current = intent.items.find((item) => item.productId === product.productId)?.quantity ?? 0;
  return withQuantity(intent, product, current + quantity);
}

/** Removes a product; a vendor left without lines loses its promo code too. */
export function withoutProduct(intent: CartIntent, productId: string): CartIntent {
  const items = intent.items.filter((item) => item.productId !== productId);
  const vendors = new Set(items.map((item) => item.vendorStoreId));
  const promos = Object.fromEntries(Object.entries(intent.promos).filter(([vendorId]) => vendors.has(vendorId)));
  return { items, promos };
}

/** Enters (or with null / blank, removes) a vendor's promo code. */
export function withPromo(intent: CartIntent, vendorStoreId: string, code: string | null): CartIntent {
  const promos = { ...intent.promos };
  const trimmed = code?.trim() ?? '';
  if (trimmed) promos[vendorStoreId] = trimmed;
  else delete promos[vendorStoreId];
  return { ...intent, promos };
}

/** The `cart.quote` input, or null when nothing is left (the cart is then cleared instead). */
export function quoteInputOf(intent: CartIntent): CartQuoteInput | null {
  if (intent.items.length === 0) return null;
  const vendors = new Set(intent.items.map((item) => item.vendorStoreId));
  return {
    items: intent.items.map(({ productId, vendorStoreId, quantity }) => ({ productId, vendorStoreId, quantity })),
    vendorPromos: Object.entries(intent.promos)
      .filter(([vendorStoreId]) => vendors.has(vendorStoreId))
      .map(([vendorStoreId, code]) => ({ vendorStoreId, code })),
  };
}

/** How many of a product the cart holds (0 when none). */
export const quantityInCart = (cart: CartDto | null | undefined, productId: string): number =>
  cart?.vendorGroups.flatMap((group) => group.items).find((line) => line.productId === productId)?.quantity ?? 0;

/**
 * The products a refused quote names (`items.<n>.productId` violations of a NOT_FOUND: no longer sold to this
 * store), so the cart can drop them and quote the rest.
 */
export function refusedProducts(input: CartQuoteInput, violations: readonly { path: string }[]): string[] {
  const ids = violations.flatMap((violation) => {
    const match = /^items\.(\d+)\.productId$/.exec(violation.path);
    const item = match ? input.items[Number(match[1])] : undefined;
    return item ? [item.productId] : [];
  });
  return [...new Set(ids)];
}

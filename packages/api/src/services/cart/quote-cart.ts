import { AppError, type CartDto, type CartQuoteRequest, isVisibleToBuyer, promoKey, quoteCart } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { assertVerifiedBuyer, buyerStateOf } from './buyer-gate';
import { toCartDto } from './cart-dto';
import { loadProducts, loadQuoteContext } from './quote-facts';
import { writeQuote } from './write-quote';

/** Ad receipts cannot be verified yet (no ad server issues them), so none is kept (DOMAIN §4.13: drop invalid). */
const normalizeAdTokens = (_tokens: string[]): string[] => [];

/**
 * `cart.quote` (DOMAIN §5.8): at most three round trips whatever the number of lines — products with their
 * vendors, stock, tiers and thumbnails; the buyer's address, previous prices and promos (both in parallel);
 * then one statement that replaces the cart. A product the buyer may not see is NOT_FOUND, like a random id.
 */
export async function quoteBuyerCart(deps: AppDeps, store: ActiveStore, input: CartQuoteRequest): Promise<CartDto> {
  assertVerifiedBuyer(store);
  const now = deps.clock.now();
  const productIds = [...new Set(input.items.map((item) => item.productId))];
  const lastCodes = new Map(input.vendorPromos.map((entry) => [entry.vendorStoreId, entry.code]));
  const promoCodes = [...lastCodes].map(([vendorStoreId, code]) => ({ vendorStoreId, code }));
  const [loaded, context] = await Promise.all([
    loadProducts(deps.db, productIds),
    loadQuoteContext(deps.db, store.id, promoCodes),
  ]);
  const buyerState = buyerStateOf(context.buyerAddress);
  const hidden = productIds.filter((id) => {
    const product = loaded.get(id);
    return !product || !isVisibleToBuyer(product.visibility, buyerState);
  });
  if (hidden.length > 0) {
    throw new AppError('NOT_FOUND', 'Some products in your cart are not available.', {
      details: { productIds: hidden },
      violations: input.items.flatMap((item, index) =>
        hidden.includes(item.productId)
          ? [{ path: `items.${index}.productId`, code: 'not_found', message: 'product not found' }]
          : [],
      ),
    });
  }
  const quote = quoteCart({
    lines: input.items,
    products: new Map([...loaded].map(([id, product]) => [id, product.facts])),
    promoCodes,
    promos: new Map(context.promos.map((promo) => [promoKey(promo.vendorStoreId, promo.code), promo])),
    previousPrices: context.previousPrices,
    now,
  });
  const adTokens = normalizeAdTokens(input.adTokens);
  const written = await writeQuote(deps.db, store.id, quote, context.buyerAddress, adTokens);
  return toCartDto(
    deps,
    { ...quote, id: written.id, status: 'active', shippingAddress: context.buyerAddress, adTokens },
    quote.groups,
    (productId) => written.itemIds.get(productId) ?? '',
    (productId) => loaded.get(productId)?.thumbnail ?? null,
  );
}

import { cartRecords } from '@pf/db';
import type { CartDto } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { toCartDto } from './cart-dto';
import { findActiveCart, loadCartContents } from './stored-cart';

/** `cart.get`: the buyer store's active cart as last quoted, or null when it has none. */
export async function getBuyerCart(deps: AppDeps, store: ActiveStore): Promise<CartDto | null> {
  const row = await findActiveCart(deps.db, store.id);
  if (!row) return null;
  const stored = await loadCartContents(deps.db, row);
  const itemIds = new Map(stored.items.map((item) => [item.productId, item.id]));
  return toCartDto(
    deps,
    stored.header,
    stored.groups,
    (productId) => itemIds.get(productId) ?? '',
    (productId) => stored.thumbnails.get(productId) ?? null,
  );
}

/** `cart.clear`: drops the active cart (items and groups go with it); converted carts are history and stay. */
export async function clearBuyerCart(deps: AppDeps, store: ActiveStore): Promise<{ cleared: boolean }> {
  const deleted = await deps.db
    .delete(cartRecords)
    .where(and(eq(cartRecords.buyerStoreId, store.id), eq(cartRecords.status, 'active')))
    .returning({ id: cartRecords.id });
  return { cleared: deleted.length > 0 };
}

import { cartItems, cartRecords, cartVendorGroups, type DbOrTx, media } from '@pf/db';
import type { PricedLine, QuotedGroup } from '@pf/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { CartHeader, Thumbnail } from './cart-dto';

export type CartRow = typeof cartRecords.$inferSelect;
type ItemRow = typeof cartItems.$inferSelect;

export interface StoredCart {
  header: CartHeader;
  row: CartRow;
  groups: QuotedGroup[];
  items: ItemRow[];
  thumbnails: Map<string, Thumbnail>;
}

const lineOf = (item: ItemRow): PricedLine => ({
  productId: item.productId,
  vendorStoreId: item.vendorStoreId,
  vendorStoreName: item.vendorStoreName,
  title: item.title,
  sku: item.sku,
  unit: item.unit,
  thumbnailMediaId: item.thumbnailMediaId,
  requestedQuantity: item.requestedQuantity,
  quantity: item.quantity,
  moq: item.moq,
  maxQty: item.maxQty,
  availableQuantity: item.availableQuantity,
  unitPriceCents: item.unitPriceCents,
  effectiveUnitPriceCents: item.effectiveUnitPriceCents,
  lineSubtotalCents: item.lineSubtotalCents,
  lineDiscountCents: item.lineDiscountCents,
  lineTotalCents: item.lineTotalCents,
  appliedTier: item.appliedTier,
  nextTier: item.nextTier,
  status: item.status,
  warnings: item.warnings,
});

export const headerOf = (row: CartRow): CartHeader => ({
  id: row.id,
  status: row.status,
  quotedAt: row.quotedAt,
  validUntil: row.validUntil,
  subtotalCents: row.subtotalCents,
  lineDiscountsCents: row.lineDiscountsCents,
  promoDiscountsCents: row.promoDiscountsCents,
  discountsCents: row.discountsCents,
  totalCents: row.totalCents,
  shippingAddress: row.shippingAddress,
  adTokens: row.adTokens,
});

/** Items and vendor groups of the cart's current quote version, in quote order. */
export async function loadCartContents(db: DbOrTx, row: CartRow): Promise<StoredCart> {
  const [items, groupRows] = await Promise.all([
    db
      .select({ item: cartItems, thumb: { kind: media.kind, status: media.status, objectKey: media.objectKey } })
      .from(cartItems)
      .leftJoin(media, eq(media.id, cartItems.thumbnailMediaId))
      .where(and(eq(cartItems.cartId, row.id), eq(cartItems.quoteVersion, row.quoteVersion)))
      .orderBy(asc(cartItems.position)),
    db
      .select()
      .from(cartVendorGroups)
      .where(and(eq(cartVendorGroups.cartId, row.id), eq(cartVendorGroups.quoteVersion, row.quoteVersion))),
  ]);
  const groupsByVendor = new Map(groupRows.map((group) => [group.vendorStoreId, group]));
  const order = [...new Set(items.map(({ item }) => item.vendorStoreId))];
  const groups: QuotedGroup[] = order.flatMap((vendorId) => {
    const group = groupsByVendor.get(vendorId);
    if (!group) return [];
    return [
      {
        vendorStoreId: group.vendorStoreId,
        vendorStoreName: group.vendorStoreName,
        status: group.status,
        warnings: group.warnings,
        lines: items.filter(({ item }) => item.vendorStoreId === vendorId).map(({ item }) => lineOf(item)),
        subtotalCents: group.subtotalCents,
        lineDiscountsCents: group.lineDiscountsCents,
        promoDiscountCents: group.promoDiscountCents,
        discountsCents: group.discountsCents,
        totalCents: group.totalCents,
        promoCode: group.promoCode,
        promo: group.promo,
      },
    ];
  });
  return {
    header: headerOf(row),
    row,
    groups,
    items: items.map(({ item }) => item),
    thumbnails: new Map(items.map(({ item, thumb }) => [item.productId, thumb?.objectKey ? thumb : null])),
  };
}

export async function findActiveCart(db: DbOrTx, buyerStoreId: string): Promise<CartRow | undefined> {
  const [row] = await db
    .select()
    .from(cartRecords)
    .where(and(eq(cartRecords.buyerStoreId, buyerStoreId), eq(cartRecords.status, 'active')));
  return row;
}

import { cartItems, cartRecords, type DbOrTx, media, orderLineItems, paymentIntents, vendorOrders } from '@pf/db';
import {
  AppError,
  CHECKOUT_FAILURE_MESSAGES,
  CHECKOUT_FAILURE_REASONS,
  type CheckoutFailureReason,
  type CheckoutResultDto,
} from '@pf/domain';
import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { Thumbnail } from '../cart/cart-dto';
import type { CartRow } from '../cart/stored-cart';
import { signedReadUrl } from '../media/read-url';

type OrderRow = typeof vendorOrders.$inferSelect;
type LineRow = typeof orderLineItems.$inferSelect;
type IntentRow = typeof paymentIntents.$inferSelect;
type ItemRow = typeof cartItems.$inferSelect;

export interface CheckoutRecord {
  cart: CartRow;
  orders: OrderRow[];
  lines: LineRow[];
  intents: IntentRow[];
  skipped: ItemRow[];
  thumbnails: Map<string, Thumbnail>;
}

const asReason = (value: string | null): CheckoutFailureReason | null =>
  value && (CHECKOUT_FAILURE_REASONS as readonly string[]).includes(value) ? (value as CheckoutFailureReason) : null;

/**
 * The one mapping to the checkout contract: `checkout.submit` maps the rows it just inserted, replays and
 * `checkout.confirmation` map the same rows read back, so every answer for one checkout has the same shape.
 */
export async function toCheckoutResult(deps: AppDeps, record: CheckoutRecord): Promise<CheckoutResultDto> {
  const { cart } = record;
  if (!cart.checkoutGroupId || !cart.convertedAt || !cart.paymentMethod || !cart.shippingAddress) {
    throw new Error(`cart ${cart.id} is not converted`);
  }
  const urlOf = async (mediaId: string | null) => {
    const thumb = mediaId ? record.thumbnails.get(mediaId) : null;
    return thumb ? signedReadUrl(deps, thumb) : null;
  };
  const orders = [...record.orders].sort((a, b) => (a.vendorStoreId < b.vendorStoreId ? -1 : 1));
  const vendorOrdersDto = await Promise.all(
    orders.map(async (order) => {
      const intent = record.intents.find((row) => row.orderId === order.id);
      if (!intent) throw new Error(`order ${order.id} has no payment intent`);
      const lines = record.lines.filter((line) => line.orderId === order.id).sort((a, b) => a.position - b.position);
      const failureReason = asReason(order.failureReason);
      return {
        orderId: order.id,
        orderNumber: order.orderNumber,
        vendorStoreId: order.vendorStoreId,
        vendorStoreName: order.vendorStoreName,
        status: order.status,
        fulfillmentStatus: order.fulfillmentStatus,
        shippingStatus: order.shippingStatus,
        paymentMethod: order.paymentMethod,
        subtotalCents: order.subtotalCents,
        lineDiscountsCents: order.lineDiscountsCents,
        promoDiscountCents: order.promoDiscountCents,
        discountsCents: order.discountsCents,
        totalCents: order.totalCents,
        balanceDueCents: order.balanceDueCents,
        promo: order.promo
          ? {
              code: order.promo.code,
              kind: order.promo.kind,
              percentBps: order.promo.percentBps,
              amountCents: order.promo.amountCents,
              discountCents: order.promo.discountCents,
            }
          : null,
        failureReason,
        failureMessage: failureReason ? CHECKOUT_FAILURE_MESSAGES[failureReason] : null,
        warnings: order.warnings,
        paymentIntent: { id: intent.id, method: intent.method, status: intent.status, amountCents: intent.amountCents },
        lines: await Promise.all(
          lines.map(async (line) => {
            const reason = line.status === 'rejected' ? asReason(line.notes) : null;
            return {
              lineItemId: line.id,
              cartItemId: line.cartItemId,
              productId: line.productId,
              title: line.name,
              thumbnailUrl: await urlOf(line.thumbnailMediaId),
              unit: line.unit,
              quantity: line.qty,
              unitPriceCents: line.unitPriceCents,
              lineSubtotalCents: line.lineSubtotalCents,
              discountCents: line.discountCents,
              totalCents: line.totalCents,
              tierLabel: line.tierLabel,
              status: line.status,
              failureReason: reason,
              failureMessage: reason ? CHECKOUT_FAILURE_MESSAGES[reason] : null,
            };
          }),
        ),
        createdAt: order.createdAt.toISOString(),
      };
    }),
  );
  return {
    checkoutGroupId: cart.checkoutGroupId,
    cartId: cart.id,
    convertedAt: cart.convertedAt.toISOString(),
    paymentMethod: cart.paymentMethod,
    shippingAddress: cart.shippingAddress,
    billingAddress: cart.billingAddress ?? cart.shippingAddress,
    currency: 'USD',
    subtotalCents: orders.reduce((sum, order) => sum + order.subtotalCents, 0),
    discountsCents: orders.reduce((sum, order) => sum + order.discountsCents, 0),
    totalCents: orders.reduce((sum, order) => sum + order.totalCents, 0),
    placedOrderCount: orders.filter((order) => order.status !== 'rejected').length,
    failedLineCount: record.lines.filter((line) => line.status === 'rejected' && asReason(line.notes)).length,
    vendorOrders: vendorOrdersDto,
    skippedItems: record.skipped.map((item) => ({
      cartItemId: item.id,
      productId: item.productId,
      vendorStoreId: item.vendorStoreId,
      title: item.title,
      quantity: item.quantity,
      status: item.status,
      warnings: item.warnings,
    })),
  };
}

/** Lines of the cart's quote that were not `ok`, hence never sent to a vendor. */
export const skippedItemsOf = (db: DbOrTx, cart: CartRow) =>
  db
    .select()
    .from(cartItems)
    .where(
      and(eq(cartItems.cartId, cart.id), eq(cartItems.quoteVersion, cart.quoteVersion), ne(cartItems.status, 'ok')),
    )
    .orderBy(asc(cartItems.position));

/**
 * Reads a converted cart's checkout back (replay of `checkout.submit`, `checkout.confirmation`). `identifier` is
 * the checkout group id or the cart id; another buyer's checkout is NOT_FOUND like a random id.
 */
export async function loadCheckoutRecord(
  db: DbOrTx,
  buyerStoreId: string,
  identifier: string,
): Promise<CheckoutRecord> {
  const [cart] = await db
    .select()
    .from(cartRecords)
    .where(
      and(
        eq(cartRecords.buyerStoreId, buyerStoreId),
        eq(cartRecords.status, 'converted'),
        or(eq(cartRecords.checkoutGroupId, identifier), eq(cartRecords.id, identifier)),
      ),
    )
    .limit(1);
  if (!cart?.checkoutGroupId) throw new AppError('NOT_FOUND', 'Checkout not found.');
  const orders = await db.select().from(vendorOrders).where(eq(vendorOrders.checkoutGroupId, cart.checkoutGroupId));
  const orderIds = orders.map((order) => order.id);
  const [lines, intents, skipped] = await Promise.all([
    orderIds.length
      ? db
          .select({
            line: orderLineItems,
            thumb: { id: media.id, kind: media.kind, status: media.status, objectKey: media.objectKey },
          })
          .from(orderLineItems)
          .leftJoin(media, eq(media.id, orderLineItems.thumbnailMediaId))
          .where(inArray(orderLineItems.orderId, orderIds))
      : Promise.resolve([]),
    orderIds.length
      ? db.select().from(paymentIntents).where(inArray(paymentIntents.orderId, orderIds))
      : Promise.resolve([]),
    skippedItemsOf(db, cart),
  ]);
  const thumbnails = new Map<string, Thumbnail>();
  for (const { thumb } of lines) {
    if (thumb?.id) thumbnails.set(thumb.id, { kind: thumb.kind, status: thumb.status, objectKey: thumb.objectKey });
  }
  return { cart, orders, lines: lines.map(({ line }) => line), intents, skipped, thumbnails };
}

export async function getCheckoutConfirmation(deps: AppDeps, buyerStoreId: string, identifier: string) {
  return toCheckoutResult(deps, await loadCheckoutRecord(deps.db, buyerStoreId, identifier));
}

import { type DbOrTx, media, orderLineItems, outboxEvents, stores, vendorOrders } from '@pf/db';
import { AppError, buildTimeline, type OrderDetailDto } from '@pf/domain';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';
import { intentOf, ORDER_NOT_FOUND, type OrderRow, type OrderSide, storeColumn } from './order-access';

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/**
 * The order's story from its outbox rows: its own events plus the checkout's `order_created`. Published rows
 * are purged after 30 days (retention job), so an old order's timeline may shrink to what is left.
 */
async function timelineOf(db: DbOrTx, order: OrderRow) {
  const rows = await db
    .select({ type: outboxEvents.eventType, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(
      or(
        and(eq(outboxEvents.aggregateType, 'vendor_order'), eq(outboxEvents.aggregateId, order.id)),
        and(
          eq(outboxEvents.aggregateType, 'checkout_group'),
          eq(outboxEvents.aggregateId, order.checkoutGroupId),
          eq(outboxEvents.eventType, 'order_created'),
        ),
      ),
    )
    .orderBy(asc(outboxEvents.createdAt));
  return buildTimeline(
    rows.map((row) => {
      const envelope = row.payload as { eventId?: string; occurredAt?: string; data?: Record<string, unknown> };
      return {
        eventId: String(envelope.eventId ?? ''),
        type: row.type,
        occurredAt: String(envelope.occurredAt ?? ''),
        data: envelope.data ?? {},
      };
    }),
  );
}

async function storeNames(db: DbOrTx, ids: string[]) {
  const rows = await db.select({ id: stores.id, name: stores.companyName }).from(stores).where(inArray(stores.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * `vendorOrders.get` / `buyerOrders.get` (DOMAIN §5.10): one order of the caller's store with its lines, payment
 * intent and timeline. Another store's order is NOT_FOUND, exactly like a random id.
 */
export async function getOrder(
  deps: AppDeps,
  side: OrderSide,
  storeId: string,
  orderId: string,
): Promise<OrderDetailDto> {
  const db = deps.db;
  const [order] = await db
    .select()
    .from(vendorOrders)
    .where(and(eq(vendorOrders.id, orderId), eq(storeColumn(side), storeId)));
  if (!order) throw new AppError('NOT_FOUND', ORDER_NOT_FOUND);
  const [lines, intent, names, timeline] = await Promise.all([
    db
      .select({ line: orderLineItems, thumb: { kind: media.kind, status: media.status, objectKey: media.objectKey } })
      .from(orderLineItems)
      .leftJoin(media, eq(media.id, orderLineItems.thumbnailMediaId))
      .where(eq(orderLineItems.orderId, order.id))
      .orderBy(asc(orderLineItems.position)),
    intentOf(db, order.id),
    storeNames(db, [order.buyerStoreId, order.vendorStoreId]),
    timelineOf(db, order),
  ]);
  return {
    id: order.id,
    orderNumber: order.orderNumber,
    checkoutGroupId: order.checkoutGroupId,
    buyer: { storeId: order.buyerStoreId, name: names.get(order.buyerStoreId) ?? '' },
    vendor: { storeId: order.vendorStoreId, name: names.get(order.vendorStoreId) ?? order.vendorStoreName },
    status: order.status,
    fulfillmentStatus: order.fulfillmentStatus,
    shippingStatus: order.shippingStatus,
    currency: 'USD',
    subtotalCents: order.subtotalCents,
    lineDiscountsCents: order.lineDiscountsCents,
    promoDiscountCents: order.promoDiscountCents,
    discountsCents: order.discountsCents,
    totalCents: order.totalCents,
    balanceDueCents: order.balanceDueCents,
    paymentMethod: order.paymentMethod,
    promo: order.promo
      ? {
          code: order.promo.code,
          kind: order.promo.kind,
          percentBps: order.promo.percentBps,
          amountCents: order.promo.amountCents,
          discountCents: order.promo.discountCents,
        }
      : null,
    shippingAddress: order.shippingAddress ?? null,
    lines: await Promise.all(
      lines.map(async ({ line, thumb }) => ({
        id: line.id,
        productId: line.productId,
        name: line.name,
        sku: line.sku,
        category: line.category,
        strain: line.strain,
        classification: line.classification,
        thumbnailUrl:
          thumb?.objectKey && thumb.kind && thumb.status
            ? await signedReadUrl(deps, { kind: thumb.kind, status: thumb.status, objectKey: thumb.objectKey })
            : null,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        quantity: line.qty,
        lineSubtotalCents: line.lineSubtotalCents,
        discountCents: line.discountCents,
        totalCents: line.totalCents,
        tierLabel: line.tierLabel,
        status: line.status,
        notes: line.notes,
        updatedAt: line.updatedAt.toISOString(),
      })),
    ),
    paymentIntent: {
      id: intent.id,
      method: intent.method,
      status: intent.status,
      amountCents: intent.amountCents,
      cashCollectedAt: iso(intent.cashCollectedAt),
      vendorPaidAt: iso(intent.vendorPaidAt),
      failureReason: intent.failureReason,
    },
    timeline,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    fulfilledAt: iso(order.fulfilledAt),
    canceledAt: iso(order.canceledAt),
    expiredAt: iso(order.expiredAt),
    deliveredAt: iso(order.deliveredAt),
  };
}

import type { Transaction } from '@pf/db';
import { emit } from '../../events/emit';
import type { OrderRow } from './order-access';

export interface EventContext {
  actor: { userId: string; storeId: string };
  now: Date;
}

/** Who an order event concerns (every vendor-order payload starts with these, DOMAIN §6.3). */
export const orderParties = (order: OrderRow) => ({
  order_id: order.id,
  checkout_group_id: order.checkoutGroupId,
  buyer_store_id: order.buyerStoreId,
  vendor_store_id: order.vendorStoreId,
});

const base = (order: OrderRow, context: EventContext) => ({
  aggregateId: order.id,
  actor: context.actor,
  occurredAt: context.now,
});

/** `order_decided` (DOMAIN §6.3): the buyer is told the vendor's answer. */
export const emitOrderDecided = (
  tx: Transaction,
  order: OrderRow,
  decision: 'accept' | 'reject',
  context: EventContext,
) =>
  emit(tx, {
    type: 'order_decided',
    ...base(order, context),
    data: { ...orderParties(order), decision, status: order.status },
  });

export const emitReadyForDispatch = (
  tx: Transaction,
  order: OrderRow,
  rejectedCount: number,
  resolvedLineItemId: string,
  context: EventContext,
) =>
  emit(tx, {
    type: 'order_ready_for_dispatch',
    ...base(order, context),
    data: {
      ...orderParties(order),
      fulfillment_status: order.fulfillmentStatus,
      shipping_status: order.shippingStatus,
      rejected_item_count: rejectedCount,
      resolved_line_item_id: resolvedLineItemId,
    },
  });

export const emitOrderCanceled = (
  tx: Transaction,
  order: OrderRow,
  reason: string | undefined,
  context: EventContext,
) =>
  emit(tx, {
    type: 'order_canceled',
    ...base(order, context),
    data: { ...orderParties(order), canceled_at: context.now.toISOString(), ...(reason ? { reason } : {}) },
  });

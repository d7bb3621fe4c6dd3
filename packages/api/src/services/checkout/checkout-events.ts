import type { Transaction } from '@pf/db';
import type { CheckoutResultDto } from '@pf/domain';
import { emit } from '../../events/emit';

/**
 * `order_created` and `checkout_converted`, each once per checkout group (emit-once dedupe key), written in the
 * checkout transaction. The analytics snapshot follows DOMAIN §6.4.
 */
export async function emitCheckoutEvents(
  tx: Transaction,
  result: CheckoutResultDto,
  actor: { userId: string; storeId: string },
  buyerStoreId: string,
  adTokens: string[],
  occurredAt: Date,
) {
  const orderIds = result.vendorOrders.map((order) => order.orderId);
  await emit(tx, {
    type: 'order_created',
    aggregateId: result.checkoutGroupId,
    data: { checkout_group_id: result.checkoutGroupId, vendor_order_ids: orderIds },
    actor,
    occurredAt,
  });
  await emit(tx, {
    type: 'checkout_converted',
    aggregateId: result.checkoutGroupId,
    actor,
    occurredAt,
    data: {
      checkout_group_id: result.checkoutGroupId,
      cart_id: result.cartId,
      buyer_store_id: buyerStoreId,
      vendor_order_ids: orderIds,
      vendor_store_ids: result.vendorOrders.map((order) => order.vendorStoreId),
      converted_at: result.convertedAt,
      analytics: {
        currency: result.currency,
        payment_method: result.paymentMethod,
        shipping_address: {
          postal_code: result.shippingAddress.postalCode,
          lat: result.shippingAddress.lat,
          lng: result.shippingAddress.lng,
        },
        subtotal_cents: result.subtotalCents,
        discounts_cents: result.discountsCents,
        total_cents: result.totalCents,
        ad_tokens: adTokens,
        vendor_orders: result.vendorOrders.map((order) => ({
          order_id: order.orderId,
          vendor_store_id: order.vendorStoreId,
          status: order.status,
          payment_status: order.paymentIntent.status,
          payment_method: order.paymentMethod,
          total_cents: order.totalCents,
          balance_due_cents: order.balanceDueCents,
          payment_intent_status: order.paymentIntent.status,
          payment_intent_method: order.paymentIntent.method,
        })),
        items: result.vendorOrders.flatMap((order) =>
          order.lines.map((line) => ({
            order_id: order.orderId,
            vendor_store_id: order.vendorStoreId,
            product_id: line.productId,
            name: line.title,
            unit: line.unit,
            qty: line.quantity,
            unit_price_cents: line.unitPriceCents,
            discount_cents: line.discountCents,
            line_subtotal_cents: line.lineSubtotalCents,
            line_total_cents: line.totalCents,
            status: line.status,
          })),
        ),
      },
    },
  });
}

import { randomUUID } from 'node:crypto';
import type { cartItems, OrderWarning, orderLineItems, paymentIntents, vendorOrders } from '@pf/db';
import {
  type Address,
  type CheckoutFailureReason,
  type OrderTotals,
  orderTotals,
  type PaymentMethod,
  type ProductCategory,
  type QuotedGroup,
} from '@pf/domain';
import type { CheckoutFacts } from './checkout-facts';

type ItemRow = typeof cartItems.$inferSelect;

/** One vendor's order before its totals are final: which lines got stock, which failed and why. */
export interface OrderDraft {
  orderId: string;
  group: QuotedGroup;
  lines: { item: ItemRow; failure: CheckoutFailureReason | null }[];
  groupFailure: CheckoutFailureReason | null;
  totals: OrderTotals;
}

/** Which lines to try to reserve: ok lines of vendors that still pass, of products still live. */
export function linesToReserve(
  groups: QuotedGroup[],
  okItems: ItemRow[],
  facts: CheckoutFacts,
  failures: Map<string, CheckoutFailureReason | null>,
) {
  return okItems
    .filter((item) => !failures.get(item.vendorStoreId) && facts.products.get(item.productId)?.live)
    .filter((item) => groups.some((group) => group.vendorStoreId === item.vendorStoreId))
    .map((item) => ({ productId: item.productId, quantity: item.quantity }));
}

/** Drafts one order per vendor with ok lines, totals over the reserved lines with the quoted promo terms. */
export function draftOrders(
  groups: QuotedGroup[],
  okItems: ItemRow[],
  facts: CheckoutFacts,
  failures: Map<string, CheckoutFailureReason | null>,
  reserved: Set<string>,
): OrderDraft[] {
  return groups
    .filter((group) => okItems.some((item) => item.vendorStoreId === group.vendorStoreId))
    .sort((a, b) => (a.vendorStoreId < b.vendorStoreId ? -1 : 1))
    .map((group) => {
      const groupFailure = failures.get(group.vendorStoreId) ?? null;
      const lines = okItems
        .filter((item) => item.vendorStoreId === group.vendorStoreId)
        .map((item) => {
          let failure: CheckoutFailureReason | null = groupFailure;
          if (!failure && !facts.products.get(item.productId)?.live) failure = 'product_unavailable';
          if (!failure && !reserved.has(item.productId)) failure = 'insufficient_inventory';
          return { item, failure };
        });
      const placed = lines.filter((line) => !line.failure);
      const totals = orderTotals(
        placed.map(({ item }) => ({
          lineSubtotalCents: item.lineSubtotalCents,
          discountCents: item.lineDiscountCents,
        })),
        group.promo,
      );
      return { orderId: randomUUID(), group, lines, groupFailure, totals };
    });
}

export interface CheckoutContext {
  cartId: string;
  checkoutGroupId: string;
  buyerStoreId: string;
  paymentMethod: PaymentMethod;
  shippingAddress: Address;
  billingAddress: Address;
  now: Date;
}

const PROMO_DROPPED: OrderWarning = {
  code: 'promo_dropped',
  message: 'The promo code no longer applied at checkout (used up, ended, or the order fell below its minimum).',
};

/** Final rows: the promo counts only if its use was recorded; a rejected order owes nothing. */
export function orderRows(drafts: OrderDraft[], consumed: Set<string>, facts: CheckoutFacts, context: CheckoutContext) {
  const orders: (typeof vendorOrders.$inferInsert)[] = [];
  const lines: (typeof orderLineItems.$inferInsert)[] = [];
  const intents: (typeof paymentIntents.$inferInsert)[] = [];
  for (const draft of drafts) {
    const placed = draft.lines.filter((line) => !line.failure);
    const promo = draft.group.promo;
    const promoApplied = promo !== null && draft.totals.promoQualifies && consumed.has(promo.promoId);
    const totals = promoApplied
      ? draft.totals
      : orderTotals(
          placed.map(({ item }) => ({
            lineSubtotalCents: item.lineSubtotalCents,
            discountCents: item.lineDiscountCents,
          })),
          null,
        );
    const failures = draft.lines.map((line) => line.failure);
    const rejected = placed.length === 0;
    const failureReason = rejected
      ? (draft.groupFailure ??
        (failures.every((f) => f === failures[0]) ? failures[0] : 'insufficient_inventory') ??
        null)
      : null;
    orders.push({
      id: draft.orderId,
      cartId: context.cartId,
      checkoutGroupId: context.checkoutGroupId,
      buyerStoreId: context.buyerStoreId,
      vendorStoreId: draft.group.vendorStoreId,
      vendorStoreName: draft.group.vendorStoreName,
      status: rejected ? 'rejected' : 'created_pending',
      subtotalCents: totals.subtotalCents,
      lineDiscountsCents: totals.lineDiscountsCents,
      promoDiscountCents: totals.promoDiscountCents,
      discountsCents: totals.discountsCents,
      totalCents: totals.totalCents,
      balanceDueCents: rejected ? 0 : totals.totalCents,
      paymentMethod: context.paymentMethod,
      shippingAddress: context.shippingAddress,
      billingAddress: context.billingAddress,
      promoId: promoApplied ? promo.promoId : null,
      promo: promoApplied ? { ...promo, discountCents: totals.promoDiscountCents } : null,
      warnings: promo && !promoApplied && !rejected ? [PROMO_DROPPED] : [],
      failureReason,
      createdAt: context.now,
      updatedAt: context.now,
    });
    draft.lines.forEach(({ item, failure }, position) => {
      const product = facts.products.get(item.productId);
      lines.push({
        orderId: draft.orderId,
        position,
        productId: item.productId,
        cartItemId: item.id,
        name: item.title,
        sku: item.sku,
        category: (product?.category ?? 'accessory') as ProductCategory,
        strain: product?.strain ?? null,
        classification: product?.classification ?? null,
        thumbnailMediaId: item.thumbnailMediaId,
        unit: item.unit,
        unitPriceCents: item.unitPriceCents,
        qty: item.quantity,
        moq: item.moq,
        maxQty: item.maxQty,
        lineSubtotalCents: item.lineSubtotalCents,
        discountCents: item.lineDiscountCents,
        totalCents: item.lineTotalCents,
        tierLabel: item.appliedTier?.label ?? null,
        warnings: item.warnings,
        status: failure ? 'rejected' : 'pending',
        notes: failure,
        createdAt: context.now,
        updatedAt: context.now,
      });
    });
    intents.push({
      orderId: draft.orderId,
      method: context.paymentMethod,
      status: context.paymentMethod === 'ach' ? 'pending' : 'unpaid',
      amountCents: totals.totalCents,
      createdAt: context.now,
      updatedAt: context.now,
    });
  }
  return { orders, lines, intents };
}

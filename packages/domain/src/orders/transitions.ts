import type { FulfillmentStatus, LineItemStatus, ShippingStatus, VendorOrderStatus } from '../commerce/enums';

/** What a vendor may decide about a whole order (DOMAIN §5.11) and about one line. */
export const ORDER_DECISIONS = ['accept', 'reject'] as const;
export type OrderDecision = (typeof ORDER_DECISIONS)[number];
export const LINE_DECISIONS = ['fulfill', 'reject'] as const;
export type LineDecision = (typeof LINE_DECISIONS)[number];

/**
 * Why a transition was refused; carried in `details.reason` of the STATE_CONFLICT error so clients can branch
 * on it without parsing the message.
 */
export const TRANSITION_REFUSALS = [
  'order_already_decided',
  'order_not_accepted',
  'line_already_decided',
  'order_not_cancelable',
  'order_in_transit',
] as const;
export type TransitionRefusal = (typeof TRANSITION_REFUSALS)[number];

/** `change`: write the new state; `noop`: already there, write nothing (DOMAIN §10.4); `refuse`: 422. */
export type Transition<S> =
  | { kind: 'change'; to: S }
  | { kind: 'noop' }
  | { kind: 'refuse'; reason: TransitionRefusal; message: string };

/** Lines whose quantity is still reserved in stock (DOMAIN §3.9: before shipping, fulfilled lines hold it too). */
export const STOCK_HOLDING_LINE_STATUSES = [
  'pending',
  'accepted',
  'hold',
  'fulfilled',
] as const satisfies readonly LineItemStatus[];
/** Lines a vendor may still fulfil or reject (DOMAIN §3.8). */
export const UNDECIDED_LINE_STATUSES = ['pending', 'accepted', 'hold'] as const satisfies readonly LineItemStatus[];

/**
 * Orders a buyer may cancel: before transit and not final (DOMAIN §3.7; `rejected` is final too, §12.C4).
 * The order's shipping status must also still be before pickup (a `hold` after delivery is not cancelable).
 */
export const CANCELABLE_ORDER_STATUSES = [
  'created_pending',
  'accepted',
  'partially_accepted',
  'fulfilled',
  'partially_fulfilled',
  'ready_for_dispatch',
  'hold',
  'hold_on_payment',
  'hold_for_pickup',
] as const satisfies readonly VendorOrderStatus[];
const CANCELABLE_SHIPPING: readonly ShippingStatus[] = ['pending', 'dispatched'];

const includes = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export const holdsStock = (status: LineItemStatus) => includes(STOCK_HOLDING_LINE_STATUSES, status);
export const isUndecidedLine = (status: LineItemStatus) => includes(UNDECIDED_LINE_STATUSES, status);

const DECISION_TARGET: Record<OrderDecision, VendorOrderStatus> = { accept: 'accepted', reject: 'rejected' };

/** Order-level decision: only from `created_pending`; the same target again is a no-op. */
export function orderDecisionTransition(
  status: VendorOrderStatus,
  decision: OrderDecision,
): Transition<VendorOrderStatus> {
  const target = DECISION_TARGET[decision];
  if (status === target) return { kind: 'noop' };
  if (status === 'created_pending') return { kind: 'change', to: target };
  return {
    kind: 'refuse',
    reason: 'order_already_decided',
    message: `This order is ${status.replaceAll('_', ' ')}; only a pending order can be ${decision}ed.`,
  };
}

const LINE_TARGET: Record<LineDecision, LineItemStatus> = { fulfill: 'fulfilled', reject: 'rejected' };

/**
 * Line decision: the same status again is a no-op; a decided line stays decided; otherwise the order must
 * have been accepted (never a pending, rejected, canceled or expired one, §12.C11).
 */
export function lineDecisionTransition(
  orderStatus: VendorOrderStatus,
  lineStatus: LineItemStatus,
  decision: LineDecision,
): Transition<LineItemStatus> {
  const target = LINE_TARGET[decision];
  if (lineStatus === target) return { kind: 'noop' };
  if (!isUndecidedLine(lineStatus)) {
    return {
      kind: 'refuse',
      reason: 'line_already_decided',
      message: `This line is already ${lineStatus}; it cannot be ${decision === 'fulfill' ? 'fulfilled' : 'rejected'}.`,
    };
  }
  if (orderStatus !== 'accepted') {
    return {
      kind: 'refuse',
      reason: 'order_not_accepted',
      message: `Accept the order before deciding its lines (it is ${orderStatus.replaceAll('_', ' ')}).`,
    };
  }
  return { kind: 'change', to: target };
}

/** Buyer cancel: pre-transit and not final; canceling a canceled order again is a no-op. */
export function cancelTransition(status: VendorOrderStatus, shipping: ShippingStatus): Transition<'canceled'> {
  if (status === 'canceled') return { kind: 'noop' };
  if (!includes(CANCELABLE_ORDER_STATUSES, status)) {
    return {
      kind: 'refuse',
      reason: 'order_not_cancelable',
      message: `This order is ${status.replaceAll('_', ' ')} and can no longer be canceled.`,
    };
  }
  if (!CANCELABLE_SHIPPING.includes(shipping)) {
    return {
      kind: 'refuse',
      reason: 'order_in_transit',
      message: 'This order has left the vendor; it cannot be canceled.',
    };
  }
  return { kind: 'change', to: 'canceled' };
}

export interface OrderProgress {
  status: VendorOrderStatus;
  fulfillmentStatus: FulfillmentStatus;
  /** True when this decision moved the order to ready_for_dispatch (announce it). */
  readyForDispatch: boolean;
  /** True when the last fulfillable line was rejected (the order is rejected, §5.11). */
  allRejected: boolean;
  rejectedCount: number;
}

/**
 * Where an accepted order stands once its lines have the given statuses: still `accepted` while a line is
 * undecided; `rejected` when nothing is left to deliver; otherwise `ready_for_dispatch`, fully or partly
 * fulfilled (lines refused at checkout count as not delivered).
 */
export function progressAfterLineDecision(lines: readonly { status: LineItemStatus }[]): OrderProgress {
  const rejectedCount = lines.filter((line) => line.status === 'rejected').length;
  const open = { rejectedCount, readyForDispatch: false, allRejected: false };
  if (lines.some((line) => isUndecidedLine(line.status))) {
    return { ...open, status: 'accepted', fulfillmentStatus: 'pending' };
  }
  if (!lines.some((line) => line.status === 'fulfilled')) {
    return { ...open, status: 'rejected', fulfillmentStatus: 'pending', allRejected: true };
  }
  return {
    ...open,
    status: 'ready_for_dispatch',
    fulfillmentStatus: rejectedCount > 0 ? 'partial' : 'fulfilled',
    readyForDispatch: true,
  };
}

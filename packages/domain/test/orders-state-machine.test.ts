import { describe, expect, it } from 'vitest';
import {
  buildTimeline,
  cancelTransition,
  LINE_ITEM_STATUSES,
  type LineItemStatus,
  lineDecisionTransition,
  ORDER_DECISIONS,
  orderDecisionTransition,
  progressAfterLineDecision,
  recomputeOrderTotals,
  SHIPPING_STATUSES,
  VENDOR_ORDER_STATUSES,
} from '../src';

// Written out from DOMAIN §3.7/§3.8, independently of the tables in the implementation.
const PRE_TRANSIT = [
  'created_pending',
  'accepted',
  'partially_accepted',
  'fulfilled',
  'partially_fulfilled',
  'ready_for_dispatch',
  'hold',
  'hold_on_payment',
  'hold_for_pickup',
];

describe('order decision', () => {
  it('only a pending order can be accepted or rejected; the same target again is a no-op', () => {
    for (const status of VENDOR_ORDER_STATUSES) {
      for (const decision of ORDER_DECISIONS) {
        const target = decision === 'accept' ? 'accepted' : 'rejected';
        const result = orderDecisionTransition(status, decision);
        if (status === target) expect(result).toEqual({ kind: 'noop' });
        else if (status === 'created_pending') expect(result).toEqual({ kind: 'change', to: target });
        else expect(result).toMatchObject({ kind: 'refuse', reason: 'order_already_decided' });
      }
    }
  });
});

describe('line decision', () => {
  it('an undecided line of an accepted order may be fulfilled or rejected', () => {
    for (const line of ['pending', 'accepted', 'hold'] as const) {
      expect(lineDecisionTransition('accepted', line, 'fulfill')).toEqual({ kind: 'change', to: 'fulfilled' });
      expect(lineDecisionTransition('accepted', line, 'reject')).toEqual({ kind: 'change', to: 'rejected' });
    }
  });

  it('a decided line never changes; the same decision again is a no-op in any order state', () => {
    for (const order of VENDOR_ORDER_STATUSES) {
      expect(lineDecisionTransition(order, 'fulfilled', 'fulfill')).toEqual({ kind: 'noop' });
      expect(lineDecisionTransition(order, 'rejected', 'reject')).toEqual({ kind: 'noop' });
      expect(lineDecisionTransition(order, 'fulfilled', 'reject')).toMatchObject({ reason: 'line_already_decided' });
      expect(lineDecisionTransition(order, 'rejected', 'fulfill')).toMatchObject({ reason: 'line_already_decided' });
    }
  });

  it('an undecided line of an order that is not accepted is refused (pending, rejected, canceled, expired…)', () => {
    for (const order of VENDOR_ORDER_STATUSES.filter((status) => status !== 'accepted')) {
      expect(lineDecisionTransition(order, 'pending', 'fulfill')).toMatchObject({
        kind: 'refuse',
        reason: 'order_not_accepted',
      });
    }
  });
});

describe('buyer cancel', () => {
  it('allowed before transit, refused once final or shipped, a no-op when already canceled', () => {
    for (const status of VENDOR_ORDER_STATUSES) {
      const result = cancelTransition(status, 'pending');
      if (status === 'canceled') expect(result).toEqual({ kind: 'noop' });
      else if (PRE_TRANSIT.includes(status)) expect(result).toEqual({ kind: 'change', to: 'canceled' });
      else expect(result).toMatchObject({ kind: 'refuse', reason: 'order_not_cancelable' });
    }
  });

  it('a pre-transit status whose goods already left (hold after delivery) is refused', () => {
    for (const shipping of SHIPPING_STATUSES) {
      const result = cancelTransition('hold', shipping);
      if (shipping === 'pending' || shipping === 'dispatched') expect(result.kind).toBe('change');
      else expect(result).toMatchObject({ kind: 'refuse', reason: 'order_in_transit' });
    }
  });
});

describe('order progress after a line decision', () => {
  const lines = (...statuses: LineItemStatus[]) => statuses.map((status) => ({ status }));

  it('stays accepted while any line is undecided', () => {
    for (const open of ['pending', 'accepted', 'hold'] as const) {
      expect(progressAfterLineDecision(lines('fulfilled', open))).toMatchObject({
        status: 'accepted',
        fulfillmentStatus: 'pending',
        readyForDispatch: false,
      });
    }
  });

  it('ready for dispatch when every line is decided and one is fulfilled: partial if any was rejected', () => {
    expect(progressAfterLineDecision(lines('fulfilled', 'fulfilled'))).toEqual({
      status: 'ready_for_dispatch',
      fulfillmentStatus: 'fulfilled',
      readyForDispatch: true,
      allRejected: false,
      rejectedCount: 0,
    });
    expect(progressAfterLineDecision(lines('fulfilled', 'rejected', 'rejected'))).toMatchObject({
      status: 'ready_for_dispatch',
      fulfillmentStatus: 'partial',
      rejectedCount: 2,
    });
  });

  it('rejected when nothing is left to deliver', () => {
    expect(progressAfterLineDecision(lines('rejected', 'rejected'))).toMatchObject({
      status: 'rejected',
      allRejected: true,
      readyForDispatch: false,
    });
  });

  it('covers every line status', () => {
    for (const status of LINE_ITEM_STATUSES) expect(() => progressAfterLineDecision(lines(status))).not.toThrow();
  });
});

describe('totals after decisions', () => {
  const line = (status: LineItemStatus, lineSubtotalCents: number, discountCents = 0) => ({
    status,
    lineSubtotalCents,
    discountCents,
  });

  it('count only lines not rejected; the promo is re-applied to what is left', () => {
    const lines = [line('fulfilled', 4000, 400), line('rejected', 7500)];
    // 3600 left; 10 % promo → 360 → total 3240.
    expect(recomputeOrderTotals(lines, { kind: 'percent', percentBps: 1000, amountCents: null })).toMatchObject({
      subtotalCents: 4000,
      lineDiscountsCents: 400,
      promoDiscountCents: 360,
      discountsCents: 760,
      totalCents: 3240,
    });
  });

  it('a fixed promo is capped so the total never goes below zero; nothing left costs nothing', () => {
    const fixed = { kind: 'fixed' as const, percentBps: null, amountCents: 5000 };
    expect(recomputeOrderTotals([line('pending', 3000)], fixed)).toMatchObject({
      promoDiscountCents: 3000,
      totalCents: 0,
    });
    expect(recomputeOrderTotals([line('rejected', 3000)], fixed)).toMatchObject({ subtotalCents: 0, totalCents: 0 });
  });
});

describe('timeline', () => {
  it('orders events by time, titles them, and leaves unknown types out', () => {
    const timeline = buildTimeline([
      { eventId: 'b', type: 'order_decided', occurredAt: '2026-01-02T00:00:00.000Z', data: { decision: 'accept' } },
      { eventId: 'a', type: 'order_created', occurredAt: '2026-01-01T00:00:00.000Z', data: {} },
      { eventId: 'x', type: 'media_deleted', occurredAt: '2026-01-03T00:00:00.000Z', data: {} },
      {
        eventId: 'c',
        type: 'order_ready_for_dispatch',
        occurredAt: '2026-01-04T00:00:00.000Z',
        data: { rejected_item_count: 1 },
      },
    ]);
    expect(timeline.map((entry) => [entry.eventId, entry.title])).toEqual([
      ['a', 'Order placed'],
      ['b', 'Accepted by the vendor'],
      ['c', 'Ready for dispatch (1 line not available)'],
    ]);
  });
});

import { type SQL, sql } from 'drizzle-orm';
import type { TestApp } from '../src/testing';

/**
 * The crash test's oracle. It knows only what clients were told and what the rows say, read with plain SQL:
 * none of the checkout service's code or types. Every check returns the offending items (empty = holds).
 */

/** What a client holds once the server answered its checkout (the server may have died many times before). */
export type Acknowledged =
  | {
      key: string;
      cartId: string;
      ok: true;
      groupId: string;
      orders: { orderId: string; vendorStoreId: string; totalCents: number }[];
    }
  | { key: string; cartId: string; ok: false; code: string };

interface OrderRow {
  id: string;
  checkout_group_id: string;
  cart_id: string;
  vendor_store_id: string;
  total_cents: number;
}

const rows = async <T>(app: TestApp, query: SQL) => (await app.deps.db.execute(query)) as unknown as T[];

export async function checkCrashOutcome(app: TestApp, acknowledged: Acknowledged[], initialStock: Map<string, number>) {
  const orders = await rows<OrderRow>(
    app,
    sql`select id, checkout_group_id, cart_id, vendor_store_id, total_cents from vendor_orders`,
  );
  const byId = new Map(orders.map((order) => [order.id, order]));
  const byGroup = groupBy(orders, (order) => order.checkout_group_id);
  const byCart = groupBy(orders, (order) => order.cart_id);

  // 0 lost: every order a client was told about exists, for its vendor, at the total it was told.
  // (A refusal is not checked against its cart: the buyer's next quote reuses that still-active cart.)
  const lost: string[] = [];
  for (const ack of acknowledged) {
    if (!ack.ok) continue;
    for (const told of ack.orders) {
      const row = byId.get(told.orderId);
      if (row?.checkout_group_id !== ack.groupId || row.vendor_store_id !== told.vendorStoreId) lost.push(told.orderId);
      else if (row.total_cents !== told.totalCents) lost.push(`${told.orderId} (total ${row.total_cents})`);
    }
    if ((byGroup.get(ack.groupId) ?? []).length !== ack.orders.length) lost.push(`group ${ack.groupId}`);
  }

  // 0 duplicates: one checkout group per cart, one order per (group, vendor), none that nobody was told about
  // (a run whose answer was lost and whose retry ran again would leave one), and no group told to two keys.
  const acknowledgedGroups = new Set(acknowledged.flatMap((ack) => (ack.ok ? [ack.groupId] : [])));
  const duplicates: string[] = [];
  const successes = acknowledged.filter((ack) => ack.ok).length;
  if (acknowledgedGroups.size !== successes)
    duplicates.push(`${successes} checkouts told ${acknowledgedGroups.size} groups`);
  for (const [cartId, own] of byCart) {
    const groups = new Set(own.map((order) => order.checkout_group_id));
    if (groups.size !== 1) duplicates.push(`cart ${cartId}: ${groups.size} checkout groups`);
    const vendors = new Set(own.map((order) => `${order.checkout_group_id}|${order.vendor_store_id}`));
    if (vendors.size !== own.length)
      duplicates.push(`cart ${cartId}: ${own.length} orders for ${vendors.size} vendors`);
  }
  for (const groupId of byGroup.keys()) {
    if (!acknowledgedGroups.has(groupId)) duplicates.push(`group ${groupId} answered to nobody`);
  }
  const keyRecords = await rows<{ key: string; n: number }>(
    app,
    sql`select key, count(*)::int as n from idempotency_keys where scope like '%|checkout.submit' group by key`,
  );
  const recordsByKey = new Map(keyRecords.map((record) => [record.key, record.n]));
  const keysNotRecordedOnce = acknowledged.filter((ack) => recordsByKey.get(ack.key) !== 1).map((ack) => ack.key);

  // Exactly one order_created and one checkout_converted per checkout group, and none for anything else.
  const events = await rows<{ event_type: string; aggregate_id: string; n: number }>(
    app,
    sql`select event_type, aggregate_id, count(*)::int as n from outbox_events
        where event_type in ('order_created', 'checkout_converted') group by event_type, aggregate_id`,
  );
  const eventFaults: string[] = [];
  for (const type of ['order_created', 'checkout_converted']) {
    const counts = new Map(events.filter((e) => e.event_type === type).map((e) => [e.aggregate_id, e.n]));
    for (const groupId of byGroup.keys()) {
      if (counts.get(groupId) !== 1) eventFaults.push(`${type} × ${counts.get(groupId) ?? 0} for ${groupId}`);
    }
    for (const aggregateId of counts.keys()) {
      if (!byGroup.has(aggregateId)) eventFaults.push(`${type} for unknown group ${aggregateId}`);
    }
  }

  // Every vendor order has exactly one payment intent, for exactly its total.
  const intents = await rows<{ order_id: string; n: number; amount: number }>(
    app,
    sql`select order_id, count(*)::int as n, sum(amount_cents)::int as amount from payment_intents group by order_id`,
  );
  const intentsByOrder = new Map(intents.map((intent) => [intent.order_id, intent]));
  const intentFaults = orders
    .filter((order) => {
      const intent = intentsByOrder.get(order.id);
      return intent?.n !== 1 || intent.amount !== order.total_cents;
    })
    .map((order) => order.id);

  // Stock conserved: on hand untouched, reserved = what pending lines hold, never more than on hand.
  const stock = await rows<{ product_id: string; on_hand: number; reserved: number; held: number }>(
    app,
    sql`select i.product_id, i.on_hand_qty as on_hand, i.reserved_qty as reserved,
          coalesce((select sum(l.qty) from order_line_items l
                    where l.product_id = i.product_id and l.status = 'pending'), 0)::int as held
        from inventory_items i`,
  );
  const stockFaults = stock
    .filter((row) => initialStock.has(row.product_id))
    .filter(
      (row) =>
        row.on_hand !== initialStock.get(row.product_id) || row.reserved !== row.held || row.reserved > row.on_hand,
    )
    .map((row) => `${row.product_id}: on hand ${row.on_hand}, reserved ${row.reserved}, held by lines ${row.held}`);

  return {
    violations: { lost, duplicates, keysNotRecordedOnce, eventFaults, intentFaults, stockFaults },
    figures: {
      orders: orders.length,
      groups: byGroup.size,
      events: events.reduce((sum, e) => sum + e.n, 0),
      units: stock.filter((row) => initialStock.has(row.product_id)).reduce((sum, row) => sum + row.reserved, 0),
    },
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

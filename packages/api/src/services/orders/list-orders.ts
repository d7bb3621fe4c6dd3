import { paymentIntents, stores, vendorOrders } from '@pf/db';
import { type OrderListPage, type OrderListQuery, VENDOR_ORDER_STATUSES, type VendorOrderStatus } from '@pf/domain';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { afterKeyset, pageOf, preciseTimestamp } from '../keyset';
import { type OrderSide, storeColumn } from './order-access';

/** `%` and `_` typed in the search box are literal characters, not wildcards. */
const containing = (term: string) => `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The other party's store: the vendor for a buyer, the buyer for a vendor. */
const counterpartColumn = (side: OrderSide) =>
  side === 'buyer' ? vendorOrders.vendorStoreId : vendorOrders.buyerStoreId;

/** An order number as people type it: "1042", "#1042". */
const orderNumberOf = (term: string) => {
  const digits = term.replace(/^#/, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
};

/** Every filter but status and the cursor: the tabs' counts share them with the page. */
function scopeConditions(side: OrderSide, storeId: string, input: OrderListQuery): SQL[] {
  const conditions: SQL[] = [eq(storeColumn(side), storeId)];
  if (input.dateFrom) conditions.push(gte(vendorOrders.createdAt, new Date(input.dateFrom)));
  if (input.dateTo) conditions.push(lt(vendorOrders.createdAt, new Date(input.dateTo)));
  if (input.q) {
    const pattern = containing(input.q);
    const number = orderNumberOf(input.q);
    conditions.push(sql`(
      ${number === null ? sql`false` : sql`${vendorOrders.orderNumber} = ${number}`}
      or ${stores.companyName} ilike ${pattern} or ${stores.dbaName} ilike ${pattern}
      or exists (select 1 from order_line_items l where l.order_id = ${vendorOrders.id} and l.name ilike ${pattern})
    )`);
  }
  return conditions;
}

/**
 * `vendorOrders.list` / `buyerOrders.list` (DOMAIN §5.10): the caller's store's orders, newest first, keyset
 * paged over (created_at, id), with per-status counts for the tabs.
 */
export async function listOrders(
  deps: Pick<AppDeps, 'db'>,
  side: OrderSide,
  storeId: string,
  input: OrderListQuery,
): Promise<OrderListPage> {
  const scope = scopeConditions(side, storeId, input);
  const pageConditions = [...scope];
  if (input.status) pageConditions.push(eq(vendorOrders.status, input.status));
  if (input.cursor) pageConditions.push(afterKeyset(vendorOrders.createdAt, vendorOrders.id, input.cursor, 'desc'));
  const [rows, counted] = await Promise.all([
    deps.db
      .select({
        id: vendorOrders.id,
        orderNumber: vendorOrders.orderNumber,
        createdAt: vendorOrders.createdAt,
        position: preciseTimestamp(vendorOrders.createdAt),
        status: vendorOrders.status,
        fulfillmentStatus: vendorOrders.fulfillmentStatus,
        shippingStatus: vendorOrders.shippingStatus,
        paymentStatus: paymentIntents.status,
        totalCents: vendorOrders.totalCents,
        discountsCents: vendorOrders.discountsCents,
        totalItems: sql<number>`(select coalesce(sum(l.qty), 0)::int from order_line_items l
          where l.order_id = ${vendorOrders.id} and l.status <> 'rejected')`,
        lineCount: sql<number>`(select count(*)::int from order_line_items l where l.order_id = ${vendorOrders.id})`,
        counterpartyId: stores.id,
        counterpartyName: stores.companyName,
      })
      .from(vendorOrders)
      .innerJoin(stores, eq(stores.id, counterpartColumn(side)))
      .innerJoin(paymentIntents, eq(paymentIntents.orderId, vendorOrders.id))
      .where(and(...pageConditions))
      .orderBy(desc(vendorOrders.createdAt), desc(vendorOrders.id))
      .limit(input.limit + 1),
    deps.db
      .select({ status: vendorOrders.status, count: sql<number>`count(*)::int` })
      .from(vendorOrders)
      .innerJoin(stores, eq(stores.id, counterpartColumn(side)))
      .where(and(...scope))
      .groupBy(vendorOrders.status),
  ]);
  const { page, nextCursor } = pageOf(rows, input.limit);
  const byStatus = Object.fromEntries(VENDOR_ORDER_STATUSES.map((status) => [status, 0])) as Record<
    VendorOrderStatus,
    number
  >;
  for (const row of counted) byStatus[row.status] = row.count;
  return {
    items: page.map((row) => ({
      id: row.id,
      orderNumber: row.orderNumber,
      createdAt: row.createdAt.toISOString(),
      status: row.status,
      fulfillmentStatus: row.fulfillmentStatus,
      shippingStatus: row.shippingStatus,
      paymentStatus: row.paymentStatus,
      totalCents: row.totalCents,
      discountsCents: row.discountsCents,
      totalItems: row.totalItems,
      lineCount: row.lineCount,
      counterparty: { storeId: row.counterpartyId, name: row.counterpartyName },
    })),
    nextCursor,
    counts: { all: counted.reduce((sum, row) => sum + row.count, 0), byStatus },
  };
}

import { type DbOrTx, inventoryItems } from '@pf/db';
import { AppError, freeQuantity, isLowStock, type StockDto } from '@pf/domain';
import { eq } from 'drizzle-orm';

type InventoryRow = typeof inventoryItems.$inferSelect;

export const toStockDto = (row: InventoryRow): StockDto => ({
  onHandQty: row.onHandQty,
  reservedQty: row.reservedQty,
  availableQty: freeQuantity(row),
  lowStockThreshold: row.lowStockThreshold,
  lowStock: isLowStock(row),
  updatedAt: row.updatedAt.toISOString(),
});

export interface StockChange {
  onHandQty?: number;
  lowStockThreshold?: number;
}

export interface StockChangeResult {
  before: InventoryRow;
  after: InventoryRow;
  changed: boolean;
}

/**
 * Sets on-hand stock and the low-stock threshold; `reserved_qty` is never taken from the client (DOMAIN §3.9).
 * The row is locked first, so checkout cannot reserve between the check and the write.
 */
export async function applyStockChange(
  tx: DbOrTx,
  productId: string,
  change: StockChange,
  options: { now: Date; path: string },
): Promise<StockChangeResult> {
  const [before] = await tx.select().from(inventoryItems).where(eq(inventoryItems.productId, productId)).for('update');
  if (!before) throw new Error(`product ${productId} has no inventory row`);
  const onHandQty = change.onHandQty ?? before.onHandQty;
  const lowStockThreshold = change.lowStockThreshold ?? before.lowStockThreshold;
  if (onHandQty < before.reservedQty) {
    const message = `On-hand stock cannot go below the ${before.reservedQty} units reserved by open orders.`;
    throw new AppError('STATE_CONFLICT', message, {
      details: { reservedQty: before.reservedQty },
      violations: [{ path: options.path, code: 'below_reserved', message }],
    });
  }
  if (onHandQty === before.onHandQty && lowStockThreshold === before.lowStockThreshold) {
    return { before, after: before, changed: false };
  }
  const [after] = await tx
    .update(inventoryItems)
    .set({ onHandQty, lowStockThreshold, updatedAt: options.now })
    .where(eq(inventoryItems.productId, productId))
    .returning();
  if (!after) throw new Error(`inventory of ${productId} vanished`);
  return { before, after, changed: true };
}

/** The part of a stock row an audit entry records. */
export const stockSummary = (row: InventoryRow) => ({
  onHandQty: row.onHandQty,
  reservedQty: row.reservedQty,
  lowStockThreshold: row.lowStockThreshold,
});

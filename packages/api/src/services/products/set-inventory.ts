import type { InventoryResult } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { findOwnProduct } from './product-fields';
import { applyStockChange, stockSummary, toStockDto } from './stock';

/**
 * The inline stock edit of the catalog table. Setting absolute values makes a repeat harmless, so no
 * Idempotency-Key is needed; an unchanged value writes no audit row.
 */
export async function setInventory(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: { productId: string; onHandQty: number; lowStockThreshold?: number },
  meta: RequestMeta,
): Promise<InventoryResult> {
  return deps.db.transaction(async (tx) => {
    // Holding the product row keeps a concurrent delete from slipping between the check and the write.
    const product = await findOwnProduct(tx, store.id, input.productId, { lock: true });
    const stock = await applyStockChange(
      tx,
      product.id,
      { onHandQty: input.onHandQty, lowStockThreshold: input.lowStockThreshold },
      { now: deps.clock.now(), path: 'onHandQty' },
    );
    if (stock.changed) {
      await recordAudit(tx, {
        actorUserId,
        storeId: store.id,
        action: 'inventory.updated',
        targetType: 'product',
        targetId: product.id,
        details: { before: stockSummary(stock.before), after: stockSummary(stock.after) },
        requestId: meta.requestId,
      });
    }
    return { productId: product.id, ...toStockDto(stock.after) };
  });
}

import { isDeepStrictEqual } from 'node:util';
import { products } from '@pf/db';
import type { UpdateProductInput, VendorProductDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { getVendorProduct } from './get-vendor-product';
import { loadProductParts } from './product-dto';
import {
  assertMaxCoversMoq,
  columnsOf,
  EDITABLE_FIELDS,
  type EditableValues,
  editableValuesOf,
  findOwnProduct,
} from './product-fields';
import { loadAttachableMedia } from './product-media';
import { replaceCoa, replaceGallery, replaceTiers } from './product-parts';
import { applyStockChange, stockSummary } from './stock';

/** Collects the before/after of every field that really changes, for the audit row and the write. */
class ChangeSet {
  readonly before: Record<string, unknown> = {};
  readonly after: Record<string, unknown> = {};

  /** Records the change and says whether there was one. */
  note(field: string, before: unknown, after: unknown): boolean {
    if (isDeepStrictEqual(before, after)) return false;
    this.before[field] = before;
    this.after[field] = after;
    return true;
  }

  get isEmpty() {
    return Object.keys(this.after).length === 0;
  }
}

/**
 * Patches a product (DOMAIN §5.6): absent fields stay, null clears, arrays replace wholesale. Everything is
 * checked and written in one transaction holding the product row, so a refused patch stores nothing. A patch
 * that changes nothing writes nothing, not even an audit row.
 */
export async function updateProduct(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: UpdateProductInput,
  meta: RequestMeta,
): Promise<VendorProductDto> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const product = await findOwnProduct(tx, store.id, input.productId, { lock: true });
    const current = editableValuesOf(product);
    const changes = new ChangeSet();
    const fieldChanges: Partial<EditableValues> = {};
    for (const field of EDITABLE_FIELDS) {
      const next = input[field];
      if (next !== undefined && changes.note(field, current[field], next)) {
        Object.assign(fieldChanges, { [field]: next });
      }
    }
    if (fieldChanges.moq !== undefined || fieldChanges.maxQty !== undefined) {
      assertMaxCoversMoq({ ...current, ...fieldChanges }, input.maxQty !== undefined ? 'maxQty' : 'moq');
    }
    const chosen = await loadAttachableMedia(tx, store.id, {
      mediaIds: input.mediaIds,
      coaMediaId: input.coaMediaId,
    });
    const parts = await loadProductParts(tx, product);
    const row: Partial<typeof products.$inferInsert> = columnsOf(fieldChanges);

    const tiers = input.volumeDiscounts?.map((tier) => ({
      minQty: tier.minQty,
      discountPercent: tier.discountPercent,
    }));
    if (tiers && changes.note('volumeDiscounts', parts.tiers, tiers)) {
      await replaceTiers(tx, product, tiers);
      row.hasVolumeDiscount = tiers.length > 0;
    }
    const galleryBefore = parts.gallery.map((item) => item.media.id);
    const galleryAfter = chosen.gallery?.map((item) => item.id);
    if (chosen.gallery && changes.note('mediaIds', galleryBefore, galleryAfter)) {
      await replaceGallery(tx, product, chosen.gallery);
    }
    if (chosen.coa !== undefined && changes.note('coaMediaId', product.coaMediaId, chosen.coa?.id ?? null)) {
      await replaceCoa(tx, product, chosen.coa);
      row.coaMediaId = chosen.coa?.id ?? null;
    }
    // Stock has its own updated_at: an inventory-only patch leaves the product row alone.
    const productRowChanged = !changes.isEmpty;
    if (input.inventory) {
      const stock = await applyStockChange(tx, product.id, input.inventory, { now, path: 'inventory.onHandQty' });
      changes.note('inventory', stockSummary(stock.before), stockSummary(stock.after));
    }
    if (productRowChanged) {
      await tx
        .update(products)
        .set({ ...row, updatedAt: now })
        .where(eq(products.id, product.id));
    }
    if (changes.isEmpty) return;
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'product.updated',
      targetType: 'product',
      targetId: product.id,
      details: { before: changes.before, after: changes.after },
      requestId: meta.requestId,
    });
  });
  return getVendorProduct(deps, store, input.productId);
}

import { inventoryItems, products } from '@pf/db';
import type { CreateProductData, VendorProductDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { getVendorProduct } from './get-vendor-product';
import { columnsOf, EDITABLE_FIELDS, type EditableValues } from './product-fields';
import { loadAttachableMedia } from './product-media';
import { replaceCoa, replaceGallery, replaceTiers } from './product-parts';

const pickEditable = (input: CreateProductData): EditableValues =>
  Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, input[field] ?? null])) as EditableValues;

/**
 * Creates a product with its stock, tiers, gallery and COA in one transaction (DOMAIN §5.6): either the
 * whole listing exists afterwards or nothing does.
 */
export async function createProduct(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CreateProductData,
  meta: RequestMeta,
): Promise<VendorProductDto> {
  const productId = await deps.db.transaction(async (tx) => {
    const chosen = await loadAttachableMedia(tx, store.id, {
      mediaIds: input.mediaIds,
      coaMediaId: input.coaMediaId ?? null,
    });
    const values = pickEditable(input);
    const [product] = await tx
      .insert(products)
      .values({
        ...columnsOf(values),
        sku: values.sku,
        title: values.title,
        category: values.category,
        unit: values.unit,
        priceCents: values.priceCents,
        storeId: store.id,
        coaMediaId: chosen.coa?.id ?? null,
        hasVolumeDiscount: input.volumeDiscounts.length > 0,
      })
      .returning();
    if (!product) throw new Error('product insert returned nothing');
    await tx.insert(inventoryItems).values({
      productId: product.id,
      onHandQty: input.inventory.onHandQty,
      reservedQty: 0,
      lowStockThreshold: input.inventory.lowStockThreshold,
    });
    await replaceTiers(tx, product, input.volumeDiscounts);
    await replaceGallery(tx, product, chosen.gallery ?? []);
    await replaceCoa(tx, product, chosen.coa ?? null);
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'product.created',
      targetType: 'product',
      targetId: product.id,
      details: {
        after: {
          ...values,
          inventory: { ...input.inventory, reservedQty: 0 },
          volumeDiscounts: input.volumeDiscounts,
          mediaIds: input.mediaIds,
          coaMediaId: chosen.coa?.id ?? null,
        },
      },
      requestId: meta.requestId,
    });
    return product.id;
  });
  return getVendorProduct(deps, store, productId);
}

import { type DbOrTx, inventoryItems, media, productMedia, productVolumeDiscounts } from '@pf/db';
import type { VendorProductDto } from '@pf/domain';
import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { signedThumbnailUrl } from '../media/read-url';
import { readUrlOf } from './media-urls';
import { editableValuesOf, type ProductRow } from './product-fields';
import { toStockDto } from './stock';

/** Tiers by threshold, gallery by position (with its media rows), the COA media row and the stock row. */
export async function loadProductParts(db: DbOrTx, product: ProductRow) {
  const [tiers, gallery, coa, inventory] = await Promise.all([
    db
      .select({ minQty: productVolumeDiscounts.minQty, discountPercent: productVolumeDiscounts.discountPercent })
      .from(productVolumeDiscounts)
      .where(eq(productVolumeDiscounts.productId, product.id))
      .orderBy(asc(productVolumeDiscounts.minQty)),
    db
      .select({ position: productMedia.position, media })
      .from(productMedia)
      .innerJoin(media, eq(media.id, productMedia.mediaId))
      .where(eq(productMedia.productId, product.id))
      .orderBy(asc(productMedia.position)),
    product.coaMediaId ? db.select().from(media).where(eq(media.id, product.coaMediaId)) : Promise.resolve([]),
    db.select().from(inventoryItems).where(eq(inventoryItems.productId, product.id)),
  ]);
  const stock = inventory[0];
  if (!stock) throw new Error(`product ${product.id} has no inventory row`);
  return {
    tiers: tiers.map((tier) => ({ minQty: tier.minQty, discountPercent: Number(tier.discountPercent) })),
    gallery,
    coa: coa[0] ?? null,
    stock,
  };
}
export type ProductParts = Awaited<ReturnType<typeof loadProductParts>>;

/** What buyers and vendors both see: the facts, tiers, gallery and COA with read URLs. */
export async function productFactsOf(deps: AppDeps, product: ProductRow, parts: ProductParts) {
  // Flags and compliance codes are the vendor's business; the vendor DTO adds them back.
  const { isActive, isFeatured, batchId, metricTag, barcode, packagingType, ...facts } = editableValuesOf(product);
  const [gallery, coaUrl] = await Promise.all([
    Promise.all(
      parts.gallery.map(async (item) => ({
        mediaId: item.media.id,
        position: item.position,
        mimeType: item.media.mimeType,
        url: await readUrlOf(deps, item.media),
        thumbnailUrl: await signedThumbnailUrl(deps, item.media),
      })),
    ),
    readUrlOf(deps, parts.coa),
  ]);
  return {
    ...facts,
    id: product.id,
    hasVolumeDiscount: product.hasVolumeDiscount,
    volumeDiscounts: parts.tiers,
    gallery,
    coaUrl,
  };
}

export async function toVendorProductDto(
  deps: AppDeps,
  product: ProductRow,
  parts: ProductParts,
): Promise<VendorProductDto> {
  return {
    ...(await productFactsOf(deps, product, parts)),
    storeId: product.storeId,
    isActive: product.isActive,
    isFeatured: product.isFeatured,
    batchId: product.batchId,
    metricTag: product.metricTag,
    barcode: product.barcode,
    packagingType: product.packagingType,
    coaMediaId: product.coaMediaId,
    inventory: toStockDto(parts.stock),
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}

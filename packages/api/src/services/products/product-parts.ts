import { type DbOrTx, productMedia, productVolumeDiscounts } from '@pf/db';
import { type DiscountTier, ppmToPercentText, requirePercentPpm } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { reconcileAttachments } from '../media/attachments';
import type { MediaRow } from './product-media';

interface OwnedProduct {
  id: string;
  storeId: string;
}

/** Tiers are replaced wholesale; `has_volume_discount` is derived from the same list by the caller. */
export async function replaceTiers(tx: DbOrTx, product: OwnedProduct, tiers: readonly DiscountTier[]) {
  await tx.delete(productVolumeDiscounts).where(eq(productVolumeDiscounts.productId, product.id));
  if (tiers.length === 0) return;
  await tx.insert(productVolumeDiscounts).values(
    tiers.map((tier) => ({
      storeId: product.storeId,
      productId: product.id,
      minQty: tier.minQty,
      // Exact decimal text for numeric(7,4): the input allows at most 4 decimals.
      discountPercent: ppmToPercentText(requirePercentPpm(tier.discountPercent)),
    })),
  );
}

/** Gallery rows in submitted order (position = index, 0 is the thumbnail), plus their attachment rows. */
export async function replaceGallery(tx: DbOrTx, product: OwnedProduct, gallery: readonly MediaRow[]) {
  await tx.delete(productMedia).where(eq(productMedia.productId, product.id));
  if (gallery.length > 0) {
    await tx.insert(productMedia).values(
      gallery.map((item, position) => ({
        productId: product.id,
        mediaId: item.id,
        objectKey: item.objectKey,
        position,
      })),
    );
  }
  await reconcileAttachments(tx, {
    entityType: 'product_gallery',
    entityId: product.id,
    storeId: product.storeId,
    mediaIds: gallery.map((item) => item.id),
  });
}

/** The COA is one attachment row of type `product_coa` (none when cleared). */
export async function replaceCoa(tx: DbOrTx, product: OwnedProduct, coa: MediaRow | null) {
  await reconcileAttachments(tx, {
    entityType: 'product_coa',
    entityId: product.id,
    storeId: product.storeId,
    mediaIds: coa ? [coa.id] : [],
  });
}

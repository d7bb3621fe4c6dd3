import { productMedia, products } from '@pf/db';
import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { findOwnProduct } from './product-fields';
import { replaceCoa, replaceGallery } from './product-parts';

/**
 * Soft delete (DOMAIN §12.E5): orders and carts keep pointing at the row, buyers and the catalog table stop
 * seeing it. The gallery and COA are let go, so their media can be deleted afterwards; stock and tiers stay
 * for the open orders that still hold reservations against them.
 */
export async function deleteProduct(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  productId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const product = await findOwnProduct(tx, store.id, productId, { lock: true });
    const gallery = await tx
      .select({ mediaId: productMedia.mediaId })
      .from(productMedia)
      .where(eq(productMedia.productId, product.id))
      .orderBy(asc(productMedia.position));
    await replaceGallery(tx, product, []);
    await replaceCoa(tx, product, null);
    await tx
      .update(products)
      .set({ deletedAt: now, isActive: false, coaMediaId: null, updatedAt: now })
      .where(eq(products.id, product.id));
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'product.deleted',
      targetType: 'product',
      targetId: product.id,
      details: {
        before: {
          sku: product.sku,
          title: product.title,
          isActive: product.isActive,
          mediaIds: gallery.map((item) => item.mediaId),
          coaMediaId: product.coaMediaId,
        },
        after: { deletedAt: now.toISOString(), isActive: false, mediaIds: [], coaMediaId: null },
      },
      requestId: meta.requestId,
    });
  });
}

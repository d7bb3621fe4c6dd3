import { stores } from '@pf/db';
import { AppError, type StoreDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { reconcileAttachments } from '../media/attachments';
import type { ActiveStore, RequestMeta } from '../types';
import { storeDtoWithImages } from './store-dto';

export type StoreImageSlot = 'logo' | 'banner';

const SLOTS = {
  logo: { column: 'logoMediaId', entityType: 'store_logo' },
  banner: { column: 'bannerMediaId', entityType: 'store_banner' },
} as const;

/**
 * Points the store's logo or banner at an uploaded `store` image, or clears it (DOMAIN §5.3b). The column,
 * its attachment row and the audit row change in one transaction; the previous image stays in the library.
 */
export async function setStoreImage(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  slot: StoreImageSlot,
  mediaId: string | null,
  meta: RequestMeta,
): Promise<StoreDto> {
  const { column, entityType } = SLOTS[slot];
  return deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(stores).where(eq(stores.id, store.id)).for('update');
    if (!current) throw new AppError('NOT_FOUND', 'Store not found.');
    await reconcileAttachments(tx, {
      entityType,
      entityId: store.id,
      storeId: store.id,
      mediaIds: mediaId ? [mediaId] : [],
      // Only images uploaded as store branding: a private kind (say a license scan) must never become public.
      kinds: ['store'],
      field: 'mediaId',
    });
    const [row] = await tx
      .update(stores)
      .set({ [column]: mediaId, updatedAt: deps.clock.now() })
      .where(eq(stores.id, store.id))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Store not found.');
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: `store.${slot}_set`,
      targetType: 'store',
      targetId: store.id,
      details: { mediaId, previousMediaId: current[column] },
      requestId: meta.requestId,
    });
    return storeDtoWithImages(deps, tx, row);
  });
}

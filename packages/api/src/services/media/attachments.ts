import { type DbOrTx, media, mediaAttachments, productMedia, products, stores, users } from '@pf/db';
import {
  AppError,
  type AttachmentEntityType,
  diffMediaIds,
  isProtectedEntityType,
  type MediaKind,
  PROTECTED_ENTITY_TYPES,
} from '@pf/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isReadableStatus, refusedMediaError } from './read-url';

type UnprotectedEntityType = Exclude<AttachmentEntityType, 'license' | 'ad'>;
type Detacher = (tx: DbOrTx, usage: { entityId: string; mediaId: string }) => Promise<unknown>;

/**
 * Renumbers a product's gallery 0..n-1 after a row left it, so position 0 stays the thumbnail. Two statements
 * because (product_id, position) is unique and checked row by row: move every row out of the way first.
 */
async function compactGallery(tx: DbOrTx, productId: string) {
  await tx
    .update(productMedia)
    .set({ position: sql`${productMedia.position} + 1000000` })
    .where(eq(productMedia.productId, productId));
  await tx.execute(sql`
    update product_media as item set position = ranked.n - 1
    from (select id, row_number() over (order by position, id) as n from product_media
          where product_id = ${productId}) as ranked
    where item.id = ranked.id`);
}

/**
 * How each unprotected usage lets go of a media item, in the same transaction that deletes its attachment
 * row. `license` and `ad` are absent on purpose: media they use cannot be deleted (DOMAIN §2.6). A new
 * entity type that owns media must add its entry here, or deleting its media would fail on the foreign key.
 */
export const DETACHERS: Record<UnprotectedEntityType, Detacher> = {
  store_logo: (tx, { entityId, mediaId }) =>
    tx
      .update(stores)
      .set({ logoMediaId: null })
      .where(and(eq(stores.id, entityId), eq(stores.logoMediaId, mediaId))),
  store_banner: (tx, { entityId, mediaId }) =>
    tx
      .update(stores)
      .set({ bannerMediaId: null })
      .where(and(eq(stores.id, entityId), eq(stores.bannerMediaId, mediaId))),
  user_avatar: (tx, { entityId, mediaId }) =>
    tx
      .update(users)
      .set({ avatarMediaId: null })
      .where(and(eq(users.id, entityId), eq(users.avatarMediaId, mediaId))),
  product_gallery: async (tx, { entityId, mediaId }) => {
    const removed = await tx
      .delete(productMedia)
      .where(and(eq(productMedia.productId, entityId), eq(productMedia.mediaId, mediaId)))
      .returning({ id: productMedia.id });
    if (removed.length > 0) await compactGallery(tx, entityId);
  },
  product_coa: (tx, { entityId, mediaId }) =>
    tx
      .update(products)
      .set({ coaMediaId: null })
      .where(and(eq(products.id, entityId), eq(products.coaMediaId, mediaId))),
};

export interface ReconcileInput {
  entityType: AttachmentEntityType;
  entityId: string;
  /** Tenant of the owning entity: every attached media must belong to it. */
  storeId: string;
  /** The complete set the entity uses after the change. */
  mediaIds: readonly string[];
  /** Also accept media whose bytes have not arrived yet (default: only uploaded/ready media). */
  allowPending?: boolean;
  /** Kinds the entity accepts (default: any), e.g. a store logo takes `store` images only. */
  kinds?: readonly MediaKind[];
  /** Field named in violations (default `mediaIds`). */
  field?: string;
}

const notAttachable = (field: string, code: string, message: string) =>
  new AppError('VALIDATION_ERROR', 'validation failed', { violations: [{ path: field, code, message }] });

/**
 * Brings an entity's attachment rows in line with `mediaIds` inside the caller's transaction (DOMAIN §5.4):
 * added ids are checked and recorded, dropped ids are removed, unchanged ids are left alone. Added media are
 * share-locked, so a concurrent delete request either sees the new usage or is seen as `delete_requested`.
 */
export async function reconcileAttachments(tx: DbOrTx, input: ReconcileInput) {
  const field = input.field ?? 'mediaIds';
  const entity = and(eq(mediaAttachments.entityType, input.entityType), eq(mediaAttachments.entityId, input.entityId));
  const current = await tx.select({ mediaId: mediaAttachments.mediaId }).from(mediaAttachments).where(entity);
  const { added, removed } = diffMediaIds(
    current.map((row) => row.mediaId),
    input.mediaIds,
  );
  if (added.length > 0) {
    const rows = await tx
      .select({
        id: media.id,
        storeId: media.storeId,
        kind: media.kind,
        status: media.status,
        objectKey: media.objectKey,
        failureCode: media.failureCode,
        failureMessage: media.failureMessage,
      })
      .from(media)
      .where(inArray(media.id, added))
      .orderBy(asc(media.id))
      .for('share');
    for (const id of added) {
      const row = rows.find((candidate) => candidate.id === id);
      // A missing id and another store's media get the same answer: the check reveals nothing about other stores.
      if (!row || row.storeId !== input.storeId) throw notAttachable(field, 'not_found', 'is not a file of this store');
      if (input.kinds && !input.kinds.includes(row.kind)) {
        throw notAttachable(field, 'wrong_kind', `must be a file of kind ${input.kinds.join(' or ')}`);
      }
      const usable = isReadableStatus(row.status) || (input.allowPending === true && row.status === 'pending');
      if (!usable) {
        const refused = refusedMediaError(row);
        if (refused) throw refused;
        const message = row.status === 'pending' ? 'media upload pending' : `media is not usable (${row.status})`;
        throw new AppError('STATE_CONFLICT', message, { details: { mediaId: id, status: row.status } });
      }
    }
    await tx
      .insert(mediaAttachments)
      .values(
        rows.map((row) => ({
          mediaId: row.id,
          entityType: input.entityType,
          entityId: input.entityId,
          storeId: input.storeId,
          objectKey: row.objectKey,
        })),
      )
      .onConflictDoNothing();
  }
  if (removed.length > 0) {
    await tx.delete(mediaAttachments).where(and(entity, inArray(mediaAttachments.mediaId, removed)));
  }
  return { added, removed };
}

export interface Usage {
  id: string;
  entityType: AttachmentEntityType;
  entityId: string;
}

/** Usages that block deletion (license, ad), in deterministic order. */
export const protectedUsagesOf = (tx: DbOrTx, mediaId: string): Promise<Usage[]> =>
  tx
    .select({ id: mediaAttachments.id, entityType: mediaAttachments.entityType, entityId: mediaAttachments.entityId })
    .from(mediaAttachments)
    .where(
      and(eq(mediaAttachments.mediaId, mediaId), inArray(mediaAttachments.entityType, [...PROTECTED_ENTITY_TYPES])),
    )
    .orderBy(asc(mediaAttachments.entityType), asc(mediaAttachments.entityId), asc(mediaAttachments.id));

/**
 * Detaches a media item from every unprotected usage: the owning entity drops its reference and the attachment
 * row is deleted, in deterministic order (entity_type, entity_id, id) so concurrent runs lock rows alike.
 * Protected usages are left in place and returned for the caller to refuse or report.
 */
export async function detachEverywhere(tx: DbOrTx, mediaId: string) {
  const usages = await tx
    .select({ id: mediaAttachments.id, entityType: mediaAttachments.entityType, entityId: mediaAttachments.entityId })
    .from(mediaAttachments)
    .where(eq(mediaAttachments.mediaId, mediaId))
    .orderBy(asc(mediaAttachments.entityType), asc(mediaAttachments.entityId), asc(mediaAttachments.id))
    .for('update');
  const detached: Usage[] = [];
  const protectedUsages: Usage[] = [];
  for (const usage of usages) {
    if (isProtectedEntityType(usage.entityType)) {
      protectedUsages.push(usage);
      continue;
    }
    await DETACHERS[usage.entityType as UnprotectedEntityType](tx, { entityId: usage.entityId, mediaId });
    await tx.delete(mediaAttachments).where(eq(mediaAttachments.id, usage.id));
    detached.push(usage);
  }
  return { detached, protectedUsages };
}

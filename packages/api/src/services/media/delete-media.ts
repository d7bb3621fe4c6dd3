import { media } from '@pf/db';
import { AppError } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { protectedUsagesOf } from './attachments';
import { mediaNotFound } from './find-media';

const ALREADY_REQUESTED = new Set(['delete_requested', 'delete_failed', 'deleted']);

/**
 * A store deletes one of its files (DOMAIN §5.4). Refused while a license or ad uses it; otherwise the row is
 * marked `delete_requested` and `media_deleted` is emitted in the same transaction. The media-deleter
 * consumer then detaches every usage and removes the object and the row: the API never deletes bytes itself,
 * so a crash can never leave rows pointing at an object that is already gone. Repeating the call is a no-op.
 */
export async function requestMediaDeletion(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  mediaId: string,
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    // Locked so a concurrent attach either commits first (and is seen below) or sees `delete_requested`.
    const [row] = await tx.select().from(media).where(eq(media.id, mediaId)).for('update');
    // Another store's file answers exactly like a missing one.
    if (!row || row.storeId !== store.id) throw mediaNotFound();
    if (ALREADY_REQUESTED.has(row.status)) return { mediaId, status: 'delete_requested' as const };
    const blocking = await protectedUsagesOf(tx, mediaId);
    if (blocking.length > 0) {
      const named = blocking.map((usage) => `${usage.entityType} ${usage.entityId}`).join(', ');
      throw new AppError('CONFLICT', `media has protected attachments: ${named}`, {
        details: { attachments: blocking.map(({ entityType, entityId }) => ({ entityType, entityId })) },
      });
    }
    const now = deps.clock.now();
    await tx
      .update(media)
      .set({ status: 'delete_requested', deleteRequestedAt: now, updatedAt: now })
      .where(eq(media.id, mediaId));
    await emit(tx, {
      type: 'media_deleted',
      aggregateId: mediaId,
      data: { media_id: mediaId, store_id: store.id, object_key: row.objectKey },
      actor: { userId: actorUserId, storeId: store.id, role: store.role },
      occurredAt: now,
    });
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'media.delete_requested',
      targetType: 'media',
      targetId: mediaId,
      details: { kind: row.kind, fileName: row.fileName, status: row.status },
      requestId: meta.requestId,
    });
    return { mediaId, status: 'delete_requested' as const };
  });
}

import { media } from '@pf/db';
import type { EventData } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { Consumer } from '../events/consumer';
import { finalizeStoredObject } from '../services/media/finalize-upload';
import { removeMediaCompletely } from '../services/media/remove-media';

/** Marks media `uploaded` once storage holds its bytes, whichever adapter stored them (DOMAIN §3.3). */
export const mediaFinalizerConsumer: Consumer = {
  name: 'media-finalizer',
  handles: ['media_object_finalized'],
  async handle(tx, event, deps) {
    const data = event.data as EventData<'media_object_finalized'>;
    await finalizeStoredObject(deps, tx, {
      objectKey: data.object_key,
      sizeBytes: data.size_bytes,
      contentType: data.content_type,
    });
  },
};

/**
 * Finishes a deletion the API requested: detaches every usage, deletes the attachment rows, the object and
 * the row. Redelivery is harmless: the receipt stops a repeat of the same event, and a row already gone
 * only costs one more (tolerated) delete of the object.
 */
export const mediaDeleterConsumer: Consumer = {
  name: 'media-deleter',
  handles: ['media_deleted'],
  async handle(tx, event, deps) {
    const data = event.data as EventData<'media_deleted'>;
    const [row] = await tx.select().from(media).where(eq(media.id, data.media_id)).for('update');
    if (!row) {
      await deps.storage.deleteObject(data.object_key);
      return;
    }
    if (row.status !== 'delete_requested') {
      deps.logger.warn(
        { mediaId: row.id, status: row.status },
        'media_deleted for media not awaiting deletion; ignored',
      );
      return;
    }
    const outcome = await removeMediaCompletely(deps, tx, row);
    if (!outcome.removed) {
      // The API refuses deletion of protected media, so this is a race it lost; retrying cannot help.
      await tx.update(media).set({ status: 'delete_failed', updatedAt: deps.clock.now() }).where(eq(media.id, row.id));
      deps.logger.error(
        { mediaId: row.id, protectedUsages: outcome.protectedUsages },
        'media with a protected usage cannot be deleted; marked delete_failed',
      );
    }
  },
};

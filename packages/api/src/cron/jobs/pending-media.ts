import { media } from '@pf/db';
import { STALE_PENDING_MEDIA_DAYS } from '@pf/domain';
import { and, asc, eq, gt, lt } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { removeMediaCompletely } from '../../services/media/remove-media';
import type { CronJob } from '../types';
import { daysBefore } from './batches';

/** Media handled per selection; each one is its own short transaction (it may call storage). */
const PENDING_MEDIA_BATCH = 100;

type Outcome = 'removed' | 'protected' | 'gone';

/** Re-checked under the row lock: the upload may have arrived, or another run took it, since selection. */
async function removeIfStillStale(deps: AppDeps, id: string, cutoff: Date): Promise<Outcome> {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: media.id, objectKey: media.objectKey })
      .from(media)
      .where(and(eq(media.id, id), eq(media.status, 'pending'), lt(media.createdAt, cutoff)))
      .for('update', { skipLocked: true });
    if (!row) return 'gone';
    return (await removeMediaCompletely(deps, tx, row)).removed ? 'removed' : 'protected';
  });
}

/**
 * Uploads requested more than 7 days ago whose bytes never arrived (DOMAIN §3.3, §7): attachments, any stray
 * object and the row are removed. Media a license or ad uses is kept and counted (it should not exist: those
 * only take uploaded media). Walks by id so kept rows are not selected again within a run.
 */
export const pendingMediaCleanupJob: CronJob = {
  name: 'pending-media-cleanup',
  schedule: (config) => config.CRON_PENDING_MEDIA_CLEANUP,
  async run(deps, signal) {
    const cutoff = daysBefore(deps.clock.now(), STALE_PENDING_MEDIA_DAYS);
    const counts: Record<Outcome, number> = { removed: 0, protected: 0, gone: 0 };
    let afterId: string | null = null;
    let complete = false;
    while (!signal.aborted) {
      const batch = await deps.db
        .select({ id: media.id })
        .from(media)
        .where(
          and(eq(media.status, 'pending'), lt(media.createdAt, cutoff), afterId ? gt(media.id, afterId) : undefined),
        )
        .orderBy(asc(media.id))
        .limit(PENDING_MEDIA_BATCH);
      for (const { id } of batch) {
        if (signal.aborted) break;
        counts[await removeIfStillStale(deps, id, cutoff)]++;
        afterId = id;
      }
      if (batch.length < PENDING_MEDIA_BATCH && !signal.aborted) {
        complete = true;
        break;
      }
    }
    if (counts.protected > 0) {
      deps.logger.warn({ count: counts.protected }, 'pending media used by a license or ad kept; investigate');
    }
    return { deleted: counts.removed, keptProtected: counts.protected, complete, cutoff: cutoff.toISOString() };
  },
};

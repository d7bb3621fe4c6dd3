import { licenses, media, mediaAttachments } from '@pf/db';
import { deriveKycStatus, purgeCutoff } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { utcDayOf } from './dates';
import type { LifecycleCandidate } from './lifecycle';
import { licenseStatusesOf, lockStoreKyc, writeKyc } from './store-kyc';

/**
 * Removes a license expired 30 days ago with everything behind it (DOMAIN §3.1, §7): the document's
 * attachments, the license row, the media row and the stored object, then re-derives store KYC. The object
 * is deleted last inside the transaction: if storage fails, nothing is committed and the next run retries;
 * if the commit fails after it, the rows point at a missing object that the next run purges (deleting a
 * missing object is not an error). Never the other way round, which could leave a license document stored
 * with no row left to find it. False when the license changed since it was selected.
 */
export async function purgeLicense(deps: AppDeps, candidate: LifecycleCandidate, now: Date): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const kycBefore = await lockStoreKyc(tx, candidate.storeId);
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, candidate.id)).for('update');
    const cutoff = utcDayOf(purgeCutoff(now));
    if (license?.status !== 'expired' || !license.expirationDate || license.expirationDate > cutoff) return false;
    const [document] = await tx.select().from(media).where(eq(media.id, license.mediaId)).for('update');
    await tx.delete(mediaAttachments).where(eq(mediaAttachments.mediaId, license.mediaId));
    await tx.delete(licenses).where(eq(licenses.id, license.id));
    await tx.delete(media).where(eq(media.id, license.mediaId));
    const kycAfter = deriveKycStatus(await licenseStatusesOf(tx, license.storeId));
    await writeKyc(tx, license.storeId, kycAfter, now);
    await recordAudit(tx, {
      actorUserId: null,
      actorKind: 'scheduler',
      storeId: license.storeId,
      action: 'license.purged',
      targetType: 'license',
      targetId: license.id,
      details: {
        number: license.number,
        expirationDate: license.expirationDate,
        mediaId: license.mediaId,
        kycBefore,
        kycAfter,
      },
    });
    await deps.storage.deleteObject(document?.objectKey ?? license.objectKey);
    return true;
  });
}

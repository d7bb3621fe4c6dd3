import { licenses } from '@pf/db';
import { AppError, DELETABLE_LICENSE_STATUSES } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { reconcileAttachments } from '../media/attachments';
import type { ActiveStore, RequestMeta } from '../types';
import { hasVerifiedLicense, lockStoreKyc, writeKyc } from './store-kyc';

/**
 * A store removes a rejected or expired license (DOMAIN §3.1, §5.5). The document's media row stays: the
 * store may reuse it or delete it itself, now that no license protects it.
 */
export async function deleteLicense(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  licenseId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const kycBefore = await lockStoreKyc(tx, store.id);
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, licenseId)).for('update');
    // Another store's license answers exactly like a missing one.
    if (!license || license.storeId !== store.id) throw new AppError('NOT_FOUND', 'License not found.');
    if (!DELETABLE_LICENSE_STATUSES.includes(license.status)) {
      throw new AppError('STATE_CONFLICT', `A ${license.status} license cannot be deleted.`, {
        details: { status: license.status, deletable: DELETABLE_LICENSE_STATUSES },
      });
    }
    await reconcileAttachments(tx, { entityType: 'license', entityId: license.id, storeId: store.id, mediaIds: [] });
    await tx.delete(licenses).where(eq(licenses.id, license.id));
    // DOMAIN §3.2: without a verified license the store is back to awaiting verification.
    const kycAfter = (await hasVerifiedLicense(tx, store.id)) ? kycBefore : 'pending_verification';
    if (kycAfter !== kycBefore) await writeKyc(tx, store.id, kycAfter, deps.clock.now());
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'license.deleted',
      targetType: 'license',
      targetId: license.id,
      details: { number: license.number, status: license.status, mediaId: license.mediaId, kycBefore, kycAfter },
      requestId: meta.requestId,
    });
  });
}

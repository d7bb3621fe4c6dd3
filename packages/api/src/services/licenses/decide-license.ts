import { licenses } from '@pf/db';
import { type AdminLicenseDto, AppError, type DecideLicenseInput, kycAfterDecision } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { recordAudit } from '../audit';
import { markLicenseReviewRead } from '../notifications/license-review';
import type { RequestMeta } from '../types';
import { getLicenseForAdmin } from './admin-queue';
import { licenseStatusesOf, lockStoreKyc, writeKyc } from './store-kyc';

const notFound = () => new AppError('NOT_FOUND', 'License not found.');

/**
 * An admin verifies or rejects a pending license (DOMAIN §3.1, §5.5). Status, decision, store KYC, the
 * event that notifies the store, the admins' review request (now read) and the audit row commit together; a
 * second decision is refused.
 */
export async function decideLicense(
  deps: AppDeps,
  adminUserId: string,
  input: DecideLicenseInput,
  meta: RequestMeta,
): Promise<AdminLicenseDto> {
  const [target] = await deps.db
    .select({ storeId: licenses.storeId })
    .from(licenses)
    .where(eq(licenses.id, input.licenseId));
  if (!target) throw notFound();
  await deps.db.transaction(async (tx) => {
    // Store first, then license: the lock order every license status change uses.
    const kycBefore = await lockStoreKyc(tx, target.storeId);
    const [license] = await tx.select().from(licenses).where(eq(licenses.id, input.licenseId)).for('update');
    if (!license) throw notFound();
    if (license.status !== 'pending') {
      throw new AppError('CONFLICT', 'license already finalized', { details: { status: license.status } });
    }
    const now = deps.clock.now();
    const reason = input.reason ?? null;
    await tx
      .update(licenses)
      .set({
        status: input.decision,
        decisionReason: reason,
        decidedAt: now,
        decidedByUserId: adminUserId,
        updatedAt: now,
      })
      .where(eq(licenses.id, license.id));
    const kycWrite = kycAfterDecision(kycBefore, await licenseStatusesOf(tx, license.storeId));
    if (kycWrite) await writeKyc(tx, license.storeId, kycWrite, now);
    await emit(tx, {
      type: 'license_status_changed',
      aggregateId: license.id,
      data: {
        license_id: license.id,
        store_id: license.storeId,
        status: input.decision,
        ...(reason ? { reason } : {}),
      },
      actor: { userId: adminUserId, role: 'admin' },
      occurredAt: now,
    });
    await markLicenseReviewRead(tx, license.id, now);
    await recordAudit(tx, {
      actorUserId: adminUserId,
      storeId: license.storeId,
      action: input.decision === 'verified' ? 'license.verified' : 'license.rejected',
      targetType: 'license',
      targetId: license.id,
      details: {
        before: { status: license.status },
        after: { status: input.decision },
        reason,
        kycBefore,
        kycAfter: kycWrite ?? kycBefore,
      },
      requestId: meta.requestId,
    });
  });
  return getLicenseForAdmin(deps, input.licenseId);
}

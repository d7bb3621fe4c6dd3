import { licenses, notifications, type Transaction } from '@pf/db';
import { type EventType, licenseReviewLink } from '@pf/domain';
import { and, eq, isNull } from 'drizzle-orm';

/** The admin inbox's review request for this license (the admin inbox is one, shared by every admin). */
const reviewRequestOf = (licenseId: string) =>
  and(
    eq(notifications.audience, 'admins'),
    isNull(notifications.storeId),
    eq(notifications.link, licenseReviewLink(licenseId)),
  );

/** An admin decided the license: its review request is done, so it no longer counts as unread. */
export async function markLicenseReviewRead(tx: Transaction, licenseId: string, at: Date) {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(reviewRequestOf(licenseId), isNull(notifications.readAt)));
}

/**
 * Whether a review request about to be written is already done: the consumer ran after an admin decided the
 * license. Such a request arrives read.
 */
export async function reviewAlreadyDecided(tx: Transaction, type: EventType, data: Record<string, unknown>) {
  if (type !== 'license_status_changed' || data.status !== 'pending') return false;
  const [license] = await tx
    .select({ status: licenses.status })
    .from(licenses)
    .where(eq(licenses.id, String(data.license_id)));
  return license !== undefined && license.status !== 'pending';
}

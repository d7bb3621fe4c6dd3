import { licenses, type Transaction } from '@pf/db';
import { addDays, utcDayOf } from '../services/licenses/dates';
import { reconcileAttachments } from '../services/media/attachments';
import { type SeedFile, seedFile } from './objects';
import { textPdf } from './pdf';
import type { StoreProfile } from './profiles';

export interface StoreOwner {
  storeId: string;
  userId: string;
}

/** The scanned certificate behind the license: a PDF of the kind licenses accept. */
export function licenseDocument(owner: StoreOwner, profile: StoreProfile, now: Date): SeedFile {
  const { license, address } = profile;
  const pdf = textPdf(`${address.state} Cannabis License`, [
    `Licensee: ${profile.companyName}`,
    `License number: ${license.number}`,
    `License type: ${license.type}`,
    `Premises: ${address.line1}, ${address.city}, ${address.state} ${address.postalCode}`,
    `Valid through: ${addDays(utcDayOf(now), 365)}`,
  ]);
  return seedFile(owner, 'license_doc', `license-${license.number.toLowerCase()}.pdf`, 'application/pdf', pdf);
}

/**
 * A license an admin has already verified, valid for another year, with the protected attachment of its
 * document. The caller sets the store's KYC to verified in the same transaction: that is what a verified
 * license means for the store (DOMAIN §3.1). No event or notification: nobody is waiting for this decision.
 */
export async function recordVerifiedLicense(
  tx: Transaction,
  input: { owner: StoreOwner; profile: StoreProfile; document: SeedFile; adminUserId: string; now: Date },
) {
  const { owner, profile, document, now } = input;
  const today = utcDayOf(now);
  const [license] = await tx
    .insert(licenses)
    .values({
      storeId: owner.storeId,
      userId: owner.userId,
      status: 'verified',
      mediaId: document.id,
      objectKey: document.objectKey,
      issuingState: profile.address.state,
      issueDate: addDays(today, -200),
      expirationDate: addDays(today, 365),
      type: profile.license.type,
      number: profile.license.number,
      decidedAt: now,
      decidedByUserId: input.adminUserId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: licenses.id });
  if (!license) throw new Error(`license of ${profile.companyName} was not written`);
  await reconcileAttachments(tx, {
    entityType: 'license',
    entityId: license.id,
    storeId: owner.storeId,
    mediaIds: [document.id],
  });
}

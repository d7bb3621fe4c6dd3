import { type DbOrTx, licenses, media, stores } from '@pf/db';
import type { Address, AdminLicenseDto, LicenseDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { preciseTimestamp } from '../keyset';
import { signedReadUrl } from '../media/read-url';

/** A license with the document it was submitted with; `position` is the keyset cursor value. */
export const licenseColumns = {
  id: licenses.id,
  storeId: licenses.storeId,
  userId: licenses.userId,
  status: licenses.status,
  mediaId: licenses.mediaId,
  issuingState: licenses.issuingState,
  type: licenses.type,
  number: licenses.number,
  issueDate: licenses.issueDate,
  expirationDate: licenses.expirationDate,
  decisionReason: licenses.decisionReason,
  decidedAt: licenses.decidedAt,
  createdAt: licenses.createdAt,
  updatedAt: licenses.updatedAt,
  position: preciseTimestamp(licenses.createdAt),
  document: {
    id: media.id,
    storeId: media.storeId,
    kind: media.kind,
    status: media.status,
    objectKey: media.objectKey,
    fileName: media.fileName,
    mimeType: media.mimeType,
  },
};

/** Licenses joined to their document (every license has one: media_id is required). */
export const selectLicenses = (db: DbOrTx) =>
  db.select(licenseColumns).from(licenses).innerJoin(media, eq(media.id, licenses.mediaId));

export const adminLicenseColumns = {
  ...licenseColumns,
  store: { id: stores.id, companyName: stores.companyName, type: stores.type, address: stores.address },
};

/** The admin view adds the submitting store. */
export const selectAdminLicenses = (db: DbOrTx) =>
  db
    .select(adminLicenseColumns)
    .from(licenses)
    .innerJoin(media, eq(media.id, licenses.mediaId))
    .innerJoin(stores, eq(stores.id, licenses.storeId));

export type LicenseRow = Awaited<ReturnType<ReturnType<typeof selectLicenses>['execute']>>[number];
export type AdminLicenseRow = Awaited<ReturnType<ReturnType<typeof selectAdminLicenses>['execute']>>[number];

export async function toLicenseDto(deps: AppDeps, row: LicenseRow): Promise<LicenseDto> {
  return {
    id: row.id,
    storeId: row.storeId,
    userId: row.userId,
    status: row.status,
    mediaId: row.mediaId,
    issuingState: row.issuingState,
    type: row.type,
    number: row.number,
    issueDate: row.issueDate,
    expirationDate: row.expirationDate,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    // Short-lived (license documents are a private kind); null while the bytes are not stored.
    documentUrl: await signedReadUrl(deps, row.document),
    documentMimeType: row.document.mimeType,
    documentFileName: row.document.fileName,
  };
}

export async function toAdminLicenseDto(deps: AppDeps, row: AdminLicenseRow): Promise<AdminLicenseDto> {
  const address: Address = row.store.address;
  return {
    ...(await toLicenseDto(deps, row)),
    store: { id: row.store.id, companyName: row.store.companyName, type: row.store.type, state: address.state },
  };
}

import { isUniqueViolation, licenses, media, type Transaction } from '@pf/db';
import {
  ALLOWED_MIME_TYPES,
  AppError,
  type CreateLicenseInput,
  type LicenseDto,
  READABLE_MEDIA_STATUSES,
} from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { emit } from '../../events/emit';
import { recordAudit } from '../audit';
import { reconcileAttachments } from '../media/attachments';
import { refusedMediaError } from '../media/read-url';
import type { ActiveStore, RequestMeta } from '../types';
import { utcDayOf } from './dates';
import { selectLicenses, toLicenseDto } from './license-dto';

const conflict = (field: 'number' | 'mediaId', message: string, constraint: string) =>
  new AppError('CONFLICT', message, {
    details: { constraint },
    violations: [{ path: field, code: 'duplicate', message }],
  });

/** Unique violations are the authority on duplicates (a pre-check would race); each names its field. */
function duplicateError(error: unknown): AppError | null {
  // Unique per store: the answer is about this store's own licenses, never anyone else's.
  if (isUniqueViolation(error, 'licenses_store_number_key')) {
    return conflict('number', 'A license with this number is already on file.', 'licenses_store_number_key');
  }
  if (isUniqueViolation(error, 'licenses_object_key_key')) {
    return conflict('mediaId', 'This document already backs another license.', 'licenses_object_key_key');
  }
  return null;
}

/**
 * The document must be the store's own, fully uploaded PDF or image (DOMAIN §5.5). The row is locked so a
 * concurrent media delete cannot slip between this check and the protected attachment.
 */
async function lockUsableDocument(tx: Transaction, storeId: string, mediaId: string) {
  const [document] = await tx.select().from(media).where(eq(media.id, mediaId)).for('update');
  // Another store's document answers exactly like a missing one: the id of another store cannot be confirmed.
  if (!document || document.storeId !== storeId) throw new AppError('NOT_FOUND', 'Document not found.');
  if (!READABLE_MEDIA_STATUSES.includes(document.status)) {
    const refused = refusedMediaError(document);
    if (refused) throw refused;
    throw new AppError('STATE_CONFLICT', 'media not ready', { details: { mediaStatus: document.status } });
  }
  if (!ALLOWED_MIME_TYPES.license_doc.includes(document.mimeType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'A license document must be a PDF or an image.', {
      violations: [{ path: 'mediaId', code: 'unsupported_media_type', message: 'must be a PDF or an image' }],
    });
  }
  return document;
}

/** A store submits a license for review: pending until an admin decides (DOMAIN §3.1, §5.5). */
export async function createLicense(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CreateLicenseInput,
  meta: RequestMeta,
): Promise<LicenseDto> {
  const now = deps.clock.now();
  // The cron would expire it on its next run; refuse rather than accept a document that is already void.
  if (input.expirationDate && input.expirationDate <= utcDayOf(now)) {
    throw new AppError('VALIDATION_ERROR', 'validation failed', {
      violations: [{ path: 'expirationDate', code: 'expired', message: 'has already passed' }],
    });
  }
  try {
    const row = await deps.db.transaction(async (tx) => {
      const document = await lockUsableDocument(tx, store.id, input.mediaId);
      const [license] = await tx
        .insert(licenses)
        .values({
          storeId: store.id,
          userId: actorUserId,
          status: 'pending',
          mediaId: document.id,
          objectKey: document.objectKey,
          issuingState: input.issuingState,
          issueDate: input.issueDate ?? null,
          expirationDate: input.expirationDate ?? null,
          type: input.type,
          number: input.number,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: licenses.id });
      if (!license) throw new Error('license insert returned nothing');
      await reconcileAttachments(tx, {
        entityType: 'license',
        entityId: license.id,
        storeId: store.id,
        mediaIds: [document.id],
      });
      await emit(tx, {
        type: 'license_status_changed',
        aggregateId: license.id,
        data: { license_id: license.id, store_id: store.id, status: 'pending', store_name: store.name },
        actor: { userId: actorUserId, storeId: store.id, role: store.role },
        occurredAt: now,
      });
      await recordAudit(tx, {
        actorUserId,
        storeId: store.id,
        action: 'license.submitted',
        targetType: 'license',
        targetId: license.id,
        details: { number: input.number, type: input.type, issuingState: input.issuingState, mediaId: document.id },
        requestId: meta.requestId,
      });
      const [created] = await selectLicenses(tx).where(eq(licenses.id, license.id));
      if (!created) throw new Error('license vanished inside its own transaction');
      return created;
    });
    return await toLicenseDto(deps, row);
  } catch (error) {
    throw duplicateError(error) ?? error;
  }
}

import { type DbOrTx, media } from '@pf/db';
import { AppError, type MediaKind, READABLE_MEDIA_STATUSES, type Violation } from '@pf/domain';
import { and, eq, inArray } from 'drizzle-orm';

export type MediaRow = typeof media.$inferSelect;

export interface ProductMediaChoice {
  /** Gallery in display order; undefined when the request leaves the gallery as it is. */
  mediaIds?: readonly string[];
  /** undefined keeps, null clears. */
  coaMediaId?: string | null;
}

export interface AttachableMedia {
  gallery: MediaRow[] | undefined;
  coa: MediaRow | null | undefined;
}

const KIND_MESSAGE: Record<'product' | 'coa', string> = {
  product: 'must be a product image or video',
  coa: 'must be a certificate of analysis (COA) upload',
};

/**
 * Why a media id cannot be used for this product, or null when it can. A missing id and another store's media
 * get the same answer, so the check does not reveal which ids exist elsewhere.
 */
function problemWith(row: MediaRow | undefined, kind: 'product' | 'coa'): Omit<Violation, 'path'> | null {
  if (!row) return { code: 'not_found', message: 'is not a file of this store' };
  if (row.kind !== (kind satisfies MediaKind)) return { code: 'wrong_kind', message: KIND_MESSAGE[kind] };
  if (!READABLE_MEDIA_STATUSES.includes(row.status)) {
    return { code: 'not_ready', message: 'has not finished uploading' };
  }
  return null;
}

/**
 * Loads and checks the media a product is about to reference. The rows are share-locked until the transaction
 * ends, so a concurrent media delete cannot remove a file between this check and the attachment insert.
 */
export async function loadAttachableMedia(
  tx: DbOrTx,
  storeId: string,
  choice: ProductMediaChoice,
): Promise<AttachableMedia> {
  const ids = [...new Set([...(choice.mediaIds ?? []), ...(choice.coaMediaId ? [choice.coaMediaId] : [])])];
  const rows =
    ids.length > 0
      ? await tx
          .select()
          .from(media)
          .where(and(inArray(media.id, ids), eq(media.storeId, storeId)))
          .for('share')
      : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const violations: Violation[] = [];
  const seen = new Set<string>();
  choice.mediaIds?.forEach((id, index) => {
    const problem = seen.has(id)
      ? { code: 'duplicate', message: 'an image can appear only once' }
      : problemWith(byId.get(id), 'product');
    seen.add(id);
    if (problem) violations.push({ path: `mediaIds.${index}`, ...problem });
  });
  if (choice.coaMediaId) {
    const problem = problemWith(byId.get(choice.coaMediaId), 'coa');
    if (problem) violations.push({ path: 'coaMediaId', ...problem });
  }
  if (violations.length > 0) throw new AppError('VALIDATION_ERROR', 'validation failed', { violations });
  return {
    gallery: choice.mediaIds?.map((id) => byId.get(id) as MediaRow),
    coa: choice.coaMediaId === undefined ? undefined : choice.coaMediaId ? (byId.get(choice.coaMediaId) ?? null) : null,
  };
}

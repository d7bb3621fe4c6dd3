import { type DbOrTx, media } from '@pf/db';
import { AppError, type MediaDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { type MediaRow, toMediaDto } from './media-dto';
import { signReadUrl } from './read-url';

/** Who is reading: a member of a store reads that store's media; a system admin reads any store's. */
export type MediaReader = { kind: 'store'; storeId: string } | { kind: 'admin' };

/** Missing media and another store's media get this same answer, so an id of another store cannot be confirmed. */
export const mediaNotFound = () => new AppError('NOT_FOUND', 'Media not found.');

/** The media row if the reader may see it; anything else is NOT_FOUND, exactly as for a random id. */
export async function findReadableMedia(db: DbOrTx, reader: MediaReader, mediaId: string): Promise<MediaRow> {
  const [row] = await db.select().from(media).where(eq(media.id, mediaId)).limit(1);
  if (!row || (reader.kind === 'store' && row.storeId !== reader.storeId)) throw mediaNotFound();
  return row;
}

export async function getMedia(deps: AppDeps, reader: MediaReader, mediaId: string): Promise<MediaDto> {
  return toMediaDto(deps, await findReadableMedia(deps.db, reader, mediaId));
}

/** A signed read URL; private kinds get the short DOWNLOAD_URL_TTL_SECONDS window. */
export async function getMediaReadUrl(deps: AppDeps, reader: MediaReader, mediaId: string) {
  const { url, expiresAt } = await signReadUrl(deps, await findReadableMedia(deps.db, reader, mediaId));
  return { url, expiresAt: expiresAt.toISOString() };
}

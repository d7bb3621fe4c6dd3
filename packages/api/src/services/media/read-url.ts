import {
  AppError,
  ERROR_CODES,
  type ErrorCode,
  type MediaKind,
  type MediaStatus,
  PRIVATE_MEDIA_KINDS,
  READABLE_MEDIA_STATUSES,
} from '@pf/domain';
import type { AppDeps } from '../../deps';

/** The fields a read URL depends on; any media row (or a join selecting them) will do. */
export interface MediaToRead {
  kind: MediaKind;
  status: MediaStatus;
  objectKey: string;
}

export const isReadableStatus = (status: MediaStatus) => READABLE_MEDIA_STATUSES.includes(status);
export const isPrivateKind = (kind: MediaKind) => PRIVATE_MEDIA_KINDS.includes(kind);

/**
 * Private kinds (license documents, COAs, …) get DOWNLOAD_URL_TTL_SECONDS from now. Public kinds get a longer
 * window that ends on a quarter-window boundary: every read within the same quarter signs the same URL, so
 * browsers and CDNs can cache logos and product images instead of fetching them again per page view.
 */
export function readUrlExpiry(deps: AppDeps, kind: MediaKind): Date {
  const nowSeconds = Math.floor(deps.clock.now().getTime() / 1000);
  if (isPrivateKind(kind)) return new Date((nowSeconds + deps.config.DOWNLOAD_URL_TTL_SECONDS) * 1000);
  const ttl = deps.config.PUBLIC_DOWNLOAD_URL_TTL_SECONDS;
  const step = Math.max(1, Math.floor(ttl / 4));
  return new Date((Math.floor(nowSeconds / step) * step + ttl) * 1000);
}

/** Signed read URL and its expiry; only stored bytes can be read (DOMAIN §3.3: pending ⇒ "media upload pending"). */
export async function signReadUrl(deps: AppDeps, media: MediaToRead): Promise<{ url: string; expiresAt: Date }> {
  if (!isReadableStatus(media.status)) {
    const message = media.status === 'pending' ? 'media upload pending' : `media is not readable (${media.status})`;
    throw new AppError('STATE_CONFLICT', message, { details: { status: media.status } });
  }
  const expiresAt = readUrlExpiry(deps, media.kind);
  return { url: await deps.storage.signDownload({ key: media.objectKey, expiresAt }), expiresAt };
}

/**
 * A read URL for DTOs (media lists, license documents, store logos): null while the bytes are not (or no
 * longer) stored, so a listing never fails because one file is still uploading.
 */
export async function signedReadUrl(deps: AppDeps, media: MediaToRead): Promise<string | null> {
  if (!isReadableStatus(media.status)) return null;
  return (await signReadUrl(deps, media)).url;
}

/**
 * Media whose bytes storage refused answers with the refusal's own code and sentence (MEDIA_CONTENT_MISMATCH
 * for a web page sent as a PNG), so attaching it says why; null for media that did not fail that way.
 */
export function refusedMediaError(media: {
  id: string;
  status: MediaStatus;
  failureCode: string | null;
  failureMessage: string | null;
}): AppError | null {
  if (media.status !== 'failed' || !media.failureCode || !Object.hasOwn(ERROR_CODES, media.failureCode)) return null;
  return new AppError(media.failureCode as ErrorCode, media.failureMessage ?? 'Storage refused the file.', {
    details: { mediaId: media.id, status: media.status },
  });
}

/**
 * For grids and thumbnails: the read URL of the image's small rendition when it has one, else of the original
 * (vendor uploads have no rendition yet and are shown scaled down).
 */
export function signedThumbnailUrl(deps: AppDeps, media: MediaToRead & { thumbnailKey: string | null }) {
  return signedReadUrl(deps, media.thumbnailKey ? { ...media, objectKey: media.thumbnailKey } : media);
}

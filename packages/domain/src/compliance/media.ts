import { AppError } from '../errors';

export const MEDIA_KINDS = [
  'product',
  'ads',
  'pdf',
  'license_doc',
  'coa',
  'manifest',
  'user',
  'store',
  'other',
] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_STATUSES = [
  'pending',
  'uploaded',
  'processing',
  'ready',
  'failed',
  'delete_requested',
  'deleted',
  'delete_failed',
] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** DOMAIN §2.5: 20 MiB for every kind. */
export const MAX_MEDIA_BYTES = 20 * 1024 * 1024;

const IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
const VIDEOS = ['video/mp4', 'video/webm'] as const;
const PDF = ['application/pdf'] as const;

/** MIME whitelist per kind (DOMAIN §5.4). */
export const ALLOWED_MIME_TYPES: Record<MediaKind, readonly string[]> = {
  product: [...IMAGES, ...VIDEOS],
  ads: [...IMAGES, ...VIDEOS],
  pdf: PDF,
  coa: PDF,
  manifest: PDF,
  license_doc: [...PDF, ...IMAGES],
  user: IMAGES,
  store: IMAGES,
  other: [...PDF, ...IMAGES, ...VIDEOS],
};

/**
 * Kinds whose objects are never public: they are served only through short-lived signed URLs to the owning
 * store or an admin (DOMAIN §12: license documents and COAs were public in the original).
 */
export const PRIVATE_MEDIA_KINDS: readonly MediaKind[] = ['license_doc', 'coa', 'manifest', 'pdf', 'other'];

/** File extensions each MIME type may carry, so `photo.pdf` declared as image/png is refused. */
const EXTENSIONS_BY_MIME: Record<string, readonly string[]> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'image/gif': ['gif'],
  'video/mp4': ['mp4', 'm4v'],
  'video/webm': ['webm'],
  'application/pdf': ['pdf'],
};

/** Only these statuses have bytes a reader may fetch (DOMAIN §3.3). */
export const READABLE_MEDIA_STATUSES: readonly MediaStatus[] = ['uploaded', 'ready'];

/** `Image/PNG; charset=x` → `image/png`. */
export const normalizeMimeType = (value: string): string => value.split(';')[0]?.trim().toLowerCase() ?? '';

/**
 * Base name only, no control characters or slashes, spaces to dashes, `-_.` trimmed from the ends
 * (DOMAIN §5.4). Returns '' when nothing usable is left.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return (
    base
      // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .replace(/\s+/g, '-')
      .replace(/^[-_.]+|[-_.]+$/g, '')
      .slice(0, 200)
  );
}

export const fileExtension = (fileName: string): string | null => {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(fileName);
  return match?.[1] ? match[1].toLowerCase() : null;
};

/** `{storeId}/{kind}/{mediaId}[.ext]`; the file name itself never enters the key (PF-202). */
export const mediaObjectKey = (storeId: string, kind: MediaKind, mediaId: string, ext: string | null): string =>
  `${storeId}/${kind}/${mediaId}${ext ? `.${ext}` : ''}`;

/** `{storeId}/{kind}/{mediaId}.thumb[.ext]`: where the grid-size rendition of an image lives, beside it. */
export const mediaThumbnailKey = (objectKey: string): string =>
  objectKey.replace(/(\.[A-Za-z0-9]{1,10})?$/, '.thumb$1');

export interface UploadRequest {
  kind: MediaKind;
  mimeType: string;
  fileName: string;
  sizeBytes: number;
}

/**
 * Checks an upload request against the per-kind rules and returns the normalized values, or throws with a
 * stable code and the offending field.
 */
export function validateUploadRequest(input: UploadRequest): {
  mimeType: string;
  fileName: string;
  ext: string | null;
} {
  const fileName = sanitizeFileName(input.fileName);
  if (!fileName) throw fieldError('VALIDATION_ERROR', 'fileName', 'required', 'Give the file a name.');
  if (!Number.isInteger(input.sizeBytes) || input.sizeBytes < 1) {
    throw fieldError('VALIDATION_ERROR', 'sizeBytes', 'too_small', 'The file is empty.');
  }
  if (input.sizeBytes > MAX_MEDIA_BYTES) {
    throw fieldError('PAYLOAD_TOO_LARGE', 'sizeBytes', 'too_big', 'Files can be at most 20 MB.');
  }
  const mimeType = normalizeMimeType(input.mimeType);
  const allowed = ALLOWED_MIME_TYPES[input.kind];
  if (!allowed.includes(mimeType)) {
    throw fieldError(
      'UNSUPPORTED_MEDIA_TYPE',
      'mimeType',
      'not_allowed',
      `This kind of upload accepts ${describeMimeTypes(allowed)}.`,
    );
  }
  const ext = fileExtension(fileName);
  if (ext && !EXTENSIONS_BY_MIME[mimeType]?.includes(ext)) {
    throw fieldError(
      'UNSUPPORTED_MEDIA_TYPE',
      'fileName',
      'extension_mismatch',
      `A .${ext} file cannot be uploaded as ${mimeType}.`,
    );
  }
  return { mimeType, fileName, ext };
}

export const describeMimeTypes = (types: readonly string[]): string => {
  const labels = new Set(
    types.map((type) => (type === 'application/pdf' ? 'PDF' : type.startsWith('image/') ? 'images' : 'videos')),
  );
  return [...labels].join(', ');
};

const fieldError = (
  code: 'VALIDATION_ERROR' | 'PAYLOAD_TOO_LARGE' | 'UNSUPPORTED_MEDIA_TYPE',
  path: string,
  violation: string,
  message: string,
) => new AppError(code, message, { violations: [{ path, code: violation, message }] });

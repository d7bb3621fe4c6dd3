import { ALLOWED_MIME_TYPES, type MediaKind } from './media';

/**
 * How much of an object is read to recognise its format. file-type (the sniffer the API uses) decides every
 * format we accept within its 4,100-byte sample; a PNG with large chunks before its image data is still
 * recognised from a truncated sample, because its header comes first.
 */
export const CONTENT_SNIFF_BYTES = 4100;

/** A sniffed format that is the declared one in all that matters: an animated PNG is a PNG, an M4V an MP4. */
const SAME_FORMAT: Record<string, readonly string[]> = {
  'image/png': ['image/png', 'image/apng'],
  'video/mp4': ['video/mp4', 'video/x-m4v'],
};

const LABELS: Record<string, string> = {
  'image/png': 'a PNG image',
  'image/apng': 'an animated PNG image',
  'image/jpeg': 'a JPEG image',
  'image/webp': 'a WebP image',
  'image/gif': 'a GIF image',
  'video/mp4': 'an MP4 video',
  'video/webm': 'a WebM video',
  'application/pdf': 'a PDF',
};

const label = (mimeType: string) => LABELS[mimeType] ?? `a file of type ${mimeType}`;

/**
 * Why the sniffed content cannot be the declared file of this kind, or null when it can. `sniffed` is the
 * MIME type recognised from the first bytes, or null when they match no known format (text, HTML, junk).
 */
export function mediaContentProblem(kind: MediaKind, declared: string, sniffed: string | null): string | null {
  if (sniffed === null) return `The file's content is not ${label(declared)}: its format is not recognised.`;
  const accepted = SAME_FORMAT[declared] ?? [declared];
  if (!accepted.includes(sniffed)) return `The file's content is ${label(sniffed)}, not ${label(declared)}.`;
  if (!ALLOWED_MIME_TYPES[kind].includes(declared)) {
    return `The file's content is ${label(sniffed)}, which this kind of upload does not accept.`;
  }
  return null;
}

import { z } from 'zod';
import { MEDIA_KINDS, MEDIA_STATUSES } from '../compliance/media';
import { cleanText, uuidSchema } from '../text';

export const MEDIA_PAGE_SIZE = 25;
export const MEDIA_PAGE_MAX = 100;

const pageLimit = z
  .number()
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(MEDIA_PAGE_MAX, `must be at most ${MEDIA_PAGE_MAX}`)
  .default(MEDIA_PAGE_SIZE);
const cursor = z.string().min(1, 'is invalid').max(200, 'is invalid').nullish();
/** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
const direction = z.enum(['forward', 'backward']).optional();

/**
 * Size and type are checked per kind by `validateUploadRequest`; these bounds only reject nonsense early. The
 * 20 MiB limit is left to it so an oversize file answers PAYLOAD_TOO_LARGE (413), as the upload route does.
 */
export const createUploadInput = z.strictObject({
  kind: z.enum(MEDIA_KINDS),
  mimeType: z.string().trim().min(1, 'is required').max(255, 'is too long'),
  fileName: cleanText(255),
  sizeBytes: z
    .number()
    .int('must be a whole number')
    .min(1, 'the file is empty')
    .max(Number.MAX_SAFE_INTEGER, 'is too large'),
});
export type CreateUploadInput = z.infer<typeof createUploadInput>;

export const createUploadResult = z.object({
  mediaId: z.string(),
  key: z.string(),
  uploadUrl: z.string(),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type CreateUploadResult = z.infer<typeof createUploadResult>;

export const mediaIdInput = z.strictObject({ mediaId: uuidSchema });

export const listMediaInput = z
  .strictObject({
    kind: z.enum(MEDIA_KINDS).optional(),
    status: z.enum(MEDIA_STATUSES).optional(),
    search: z.string().trim().max(100, 'is too long').optional(),
    limit: pageLimit,
    cursor,
    direction,
  })
  .prefault({});
export type ListMediaQuery = z.output<typeof listMediaInput>;

export const mediaDto = z.object({
  id: z.string(),
  storeId: z.string().nullable(),
  userId: z.string().nullable(),
  kind: z.enum(MEDIA_KINDS),
  status: z.enum(MEDIA_STATUSES),
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
  uploadedAt: z.string().nullable(),
  /** A short-lived read URL, present only once the bytes are stored. */
  url: z.string().nullable(),
  /** Why storage refused the bytes (status `failed`), e.g. MEDIA_CONTENT_MISMATCH for HTML sent as a PNG. */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type MediaDto = z.infer<typeof mediaDto>;

export const mediaPage = z.object({ items: z.array(mediaDto), nextCursor: z.string().nullable() });
export type MediaPage = z.infer<typeof mediaPage>;

export const readUrlResult = z.object({ url: z.string(), expiresAt: z.string() });

/** Points an entity's single media slot (store logo or banner, user avatar) at an uploaded file, or clears it. */
export const setMediaSlotInput = z.strictObject({ mediaId: uuidSchema.nullable() });
export type SetMediaSlotInput = z.infer<typeof setMediaSlotInput>;

/** Deletion is asynchronous: the worker detaches every usage, removes the object, then the row. */
export const deleteMediaResult = z.object({ mediaId: z.string(), status: z.literal('delete_requested') });

export const avatarResult = z.object({ avatarMediaId: z.string().nullable(), avatarUrl: z.string().nullable() });
export type AvatarResult = z.infer<typeof avatarResult>;

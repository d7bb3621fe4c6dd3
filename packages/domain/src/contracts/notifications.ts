import { z } from 'zod';
import { NOTIFICATION_TYPES } from '../identity';
import { uuidSchema } from '../text';

/** Pagination defaults (DOMAIN Appendix B). */
export const NOTIFICATIONS_PAGE_SIZE = 25;
export const NOTIFICATIONS_PAGE_MAX = 100;

/** No input at all lists the first page of everything. */
export const listNotificationsInput = z
  .strictObject({
    limit: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(NOTIFICATIONS_PAGE_MAX, `must be at most ${NOTIFICATIONS_PAGE_MAX}`)
      .default(NOTIFICATIONS_PAGE_SIZE),
    /** Opaque: the `nextCursor` of the previous page, passed back unchanged. */
    cursor: z.string().min(1, 'is invalid').max(200, 'is invalid').nullish(),
    unreadOnly: z.boolean().default(false),
    /** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .prefault({});
export type ListNotificationsInput = z.input<typeof listNotificationsInput>;
export type ListNotificationsQuery = z.output<typeof listNotificationsInput>;

export const notificationDto = z.object({
  id: z.string(),
  type: z.enum(NOTIFICATION_TYPES),
  title: z.string(),
  message: z.string(),
  /** App-relative path ("/settings/team"), or null. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationDto = z.infer<typeof notificationDto>;

export const notificationPage = z.object({
  items: z.array(notificationDto),
  /** Null on the last page. */
  nextCursor: z.string().nullable(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const notificationIdInput = z.strictObject({ id: uuidSchema });
/**
 * Nothing to say, but browsers should send `{}`: an idempotent mutation reads its raw body for the request
 * fingerprint, and tRPC cannot parse an empty JSON body.
 */
export const markAllReadInput = z.strictObject({}).optional();
export const unreadCountResult = z.object({ count: z.number().int().nonnegative() });
export const markReadResult = z.object({ read: z.literal(true) });
export const markAllReadResult = z.object({ updated: z.number().int().nonnegative() });

/** A link the app may follow: a path inside this app, never another origin ("//evil.example", "https:"). */
export const isAppRelativeLink = (link: string | null | undefined): link is string =>
  typeof link === 'string' && /^\/(?![/\\])/.test(link);

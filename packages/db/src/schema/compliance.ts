import { ATTACHMENT_ENTITY_TYPES, LICENSE_STATUSES, LICENSE_TYPES, MEDIA_KINDS, MEDIA_STATUSES } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stores, users } from './identity';

export const mediaKind = pgEnum('media_kind', MEDIA_KINDS);
export const mediaStatus = pgEnum('media_status', MEDIA_STATUSES);
export const licenseStatus = pgEnum('license_status', LICENSE_STATUSES);
export const licenseType = pgEnum('license_type', LICENSE_TYPES);

/** One uploaded (or being uploaded) object (DOMAIN §2.5). The id is chosen before the row: it is in the key. */
export const media = pgTable(
  'media',
  {
    id: uuid().primaryKey(),
    storeId: uuid().references(() => stores.id, { onDelete: 'set null' }),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    kind: mediaKind().notNull(),
    status: mediaStatus().notNull().default('pending'),
    objectKey: text().notNull(),
    fileName: text().notNull(),
    mimeType: text().notNull(),
    /** Declared at upload request; replaced by the stored size at finalize. */
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    /**
     * A smaller rendition of an image for grids (e.g. 320 px wide), stored beside the original; null when
     * there is none (vendor uploads today), and readers fall back to `objectKey`.
     */
    thumbnailKey: text(),
    uploadedAt: timestamp({ withTimezone: true }),
    /** Why finalize refused the stored bytes (status `failed`): a stable error code and a sentence for the user. */
    failureCode: text(),
    failureMessage: text(),
    deleteRequestedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('media_object_key_key').on(t.objectKey),
    index('media_store_created_idx').on(t.storeId, t.createdAt.desc(), t.id.desc()),
    index('media_kind_idx').on(t.kind),
    index('media_user_idx').on(t.userId),
    index('media_pending_created_idx').on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** One row per concrete usage of a media item (DOMAIN §2.6); a change of usage is delete + insert. */
export const mediaAttachments = pgTable(
  'media_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    mediaId: uuid()
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    entityType: text({ enum: ATTACHMENT_ENTITY_TYPES }).notNull(),
    entityId: uuid().notNull(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'restrict' }),
    objectKey: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('media_attachments_usage_key').on(t.mediaId, t.entityType, t.entityId),
    index('media_attachments_entity_idx').on(t.entityType, t.entityId),
    check(
      'media_attachments_entity_type_check',
      sql.raw(`entity_type in (${ATTACHMENT_ENTITY_TYPES.map((type) => `'${type}'`).join(', ')})`),
    ),
  ],
);

/**
 * A store's license (DOMAIN §2.7). One media can back only one license. A number is unique within its store
 * only (§12.E6): two states, or two stores, may hold the same number, and a global constraint would tell a store
 * that another store holds a number it typed.
 */
export const licenses = pgTable(
  'licenses',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: licenseStatus().notNull().default('pending'),
    mediaId: uuid()
      .notNull()
      .references(() => media.id),
    objectKey: text().notNull(),
    issuingState: text().notNull(),
    issueDate: date({ mode: 'string' }),
    expirationDate: date({ mode: 'string' }),
    type: licenseType().notNull(),
    number: text().notNull(),
    decisionReason: text(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('licenses_object_key_key').on(t.objectKey),
    uniqueIndex('licenses_store_number_key').on(t.storeId, sql`upper(${t.number})`),
    index('licenses_store_status_idx').on(t.storeId, t.status),
    index('licenses_status_created_idx').on(t.status, t.createdAt, t.id),
    index('licenses_expiration_idx').on(t.expirationDate),
  ],
);

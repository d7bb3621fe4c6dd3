import { NOTIFICATION_TYPES } from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { stores } from './identity';

/**
 * Transactional outbox (DOMAIN §2.8). event_type is text checked by the application registry, so a new
 * event type never needs a migration and can never roll back a business transaction for a missing enum.
 */
export const outboxEvents = pgTable(
  'outbox_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    eventVersion: integer().notNull(),
    aggregateType: text().notNull(),
    aggregateId: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    /** Set for "emit once" events: `<type>:<aggregate type>:<aggregate id>`. */
    dedupeKey: text(),
    attemptCount: integer().notNull().default(0),
    lastError: text(),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    deadLetteredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_events_event_id_key').on(t.eventId),
    uniqueIndex('outbox_events_dedupe_key').on(t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    index('outbox_events_pending_idx')
      .on(t.nextAttemptAt, t.createdAt)
      .where(sql`${t.publishedAt} is null and ${t.deadLetteredAt} is null`),
    index('outbox_events_published_idx').on(t.publishedAt).where(sql`${t.publishedAt} is not null`),
    index('outbox_events_aggregate_idx').on(t.aggregateType, t.aggregateId, t.createdAt),
  ],
);

export const DLQ_REASONS = ['max_attempts', 'non_retryable', 'handler_failed', 'unknown_version'] as const;

/** Dead letters from the dispatcher (consumer null) and from consumers; kept until replayed and retained. */
export const outboxDlq = pgTable(
  'outbox_dlq',
  {
    id: uuid().primaryKey().defaultRandom(),
    outboxEventId: uuid(),
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    aggregateType: text().notNull(),
    aggregateId: text().notNull(),
    consumer: text(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    reason: text({ enum: DLQ_REASONS }).notNull(),
    errorMessage: text(),
    attemptCount: integer().notNull().default(0),
    replayCount: integer().notNull().default(0),
    replayedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('outbox_dlq_event_consumer_key').on(t.eventId, sql`coalesce(${t.consumer}, '')`),
    index('outbox_dlq_created_idx').on(t.createdAt),
  ],
);

/**
 * The embedded transport: one row per (subscription, event). Publishing is idempotent per subscription,
 * so a dispatcher that crashes after publishing and republishes creates no duplicate delivery.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    subscription: text().notNull(),
    eventId: uuid().notNull(),
    eventType: text().notNull(),
    orderingKey: text().notNull(),
    attributes: jsonb().$type<Record<string, string>>().notNull(),
    body: jsonb().$type<Record<string, unknown>>().notNull(),
    attemptCount: integer().notNull().default(0),
    visibleAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    ackedAt: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('event_deliveries_subscription_event_key').on(t.subscription, t.eventId),
    index('event_deliveries_ready_idx').on(t.subscription, t.visibleAt).where(sql`${t.ackedAt} is null`),
    index('event_deliveries_acked_idx').on(t.ackedAt).where(sql`${t.ackedAt} is not null`),
  ],
);

/** A consumer's effect and its receipt commit together: a redelivered event finds the receipt and stops. */
export const consumerReceipts = pgTable(
  'consumer_receipts',
  {
    consumer: text().notNull(),
    eventId: uuid().notNull(),
    processedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] }), index('consumer_receipts_processed_idx').on(t.processedAt)],
);

export const notificationType = pgEnum('notification_type', NOTIFICATION_TYPES);

/** In-app notifications: per store, or (store null) the admin inbox. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid().references(() => stores.id, { onDelete: 'cascade' }),
    audience: text({ enum: ['store', 'admins'] }).notNull(),
    type: notificationType().notNull(),
    title: text().notNull(),
    message: text().notNull(),
    link: text(),
    sourceEventId: uuid(),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_store_created_idx').on(t.storeId, t.createdAt.desc(), t.id.desc()),
    index('notifications_store_unread_idx').on(t.storeId).where(sql`${t.readAt} is null`),
    index('notifications_audience_created_idx').on(t.audience, t.createdAt.desc()),
    index('notifications_created_idx').on(t.createdAt),
  ],
);

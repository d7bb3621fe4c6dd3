import { z } from 'zod';
import { SUBSCRIPTION_CHANGES } from '../billing/changes';
import { LISTING_REASONS } from '../billing/listing';
import { SUBSCRIPTION_STATUSES } from '../billing/statuses';
import type { AggregateType, Topic } from './envelope';

const id = z.uuid();
const at = z.iso.datetime({ offset: true });
const ids = z.array(z.uuid()).min(1);
const orderParties = { order_id: id, checkout_group_id: id, buyer_store_id: id, vendor_store_id: id };

export interface EventDefinition {
  aggregateType: AggregateType;
  topics: readonly Topic[];
  /** Payload schema per version; consumers must accept every listed version during a rollout. */
  versions: Readonly<Record<number, z.ZodType>>;
  /** At most one per aggregate (unique index on the outbox dedupe key), DOMAIN §6.3. */
  emitOnce?: boolean;
}

/**
 * Every event the system may emit (DOMAIN §6.1/6.3). Emitting a type that is not here, or a payload
 * that does not match its schema, throws inside the business transaction, which then rolls back.
 * Versioning: additive payload changes keep the version; a breaking change adds a new version here and
 * consumers handle both until no row of the old version remains (docs/events.md).
 */
export const EVENT_CATALOG = {
  order_created: {
    aggregateType: 'checkout_group',
    topics: ['orders'],
    emitOnce: true,
    versions: { 1: z.object({ checkout_group_id: id, vendor_order_ids: ids }) },
  },
  checkout_converted: {
    aggregateType: 'checkout_group',
    topics: ['notifications', 'analytics'],
    emitOnce: true,
    versions: {
      1: z.object({
        checkout_group_id: id,
        cart_id: id.optional(),
        buyer_store_id: id,
        vendor_order_ids: ids,
        vendor_store_ids: ids,
        converted_at: at,
        analytics: z.record(z.string(), z.unknown()).optional(),
      }),
    },
  },
  order_decided: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ ...orderParties, decision: z.enum(['accept', 'reject']), status: z.string() }) },
  },
  order_ready_for_dispatch: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: {
      1: z.object({
        ...orderParties,
        fulfillment_status: z.string(),
        shipping_status: z.string(),
        rejected_item_count: z.number().int().min(0),
        /** The line whose decision completed the order (additive, DOMAIN §6.3). */
        resolved_line_item_id: id.optional(),
      }),
    },
  },
  order_canceled: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ ...orderParties, canceled_at: at, reason: z.string().optional() }) },
  },
  order_expired: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ ...orderParties, expired_at: at, ttl_days: z.number().int().positive() }) },
  },
  order_pending_nudge: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    emitOnce: true,
    versions: { 1: z.object({ ...orderParties, pending_days: z.number().int().positive() }) },
  },
  notification_requested: {
    aggregateType: 'vendor_order',
    topics: ['notifications'],
    versions: { 1: z.object({ ...orderParties, type: z.literal('order_nudge') }) },
  },
  order_retried: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ ...orderParties, original_order_id: id }) },
  },
  cash_collected: {
    aggregateType: 'vendor_order',
    topics: ['orders', 'analytics'],
    versions: {
      1: z.object({
        order_id: id,
        buyer_store_id: id,
        vendor_store_id: id,
        amount_cents: z.number().int().min(0),
        cash_collected_at: at,
      }),
    },
  },
  payment_failed: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ order_id: id, payment_intent_id: id, failure_reason: z.string().optional() }) },
  },
  payment_rejected: {
    aggregateType: 'vendor_order',
    topics: ['orders'],
    versions: { 1: z.object({ order_id: id, payment_intent_id: id, failure_reason: z.string().optional() }) },
  },
  order_paid: {
    aggregateType: 'vendor_order',
    topics: ['billing', 'analytics'],
    versions: {
      1: z.object({
        order_id: id,
        buyer_store_id: id,
        vendor_store_id: id,
        payment_intent_id: id,
        amount_cents: z.number().int().min(0),
        vendor_paid_at: at,
      }),
    },
  },
  license_status_changed: {
    aggregateType: 'license',
    topics: ['notifications'],
    versions: {
      1: z.object({
        license_id: id,
        store_id: id,
        status: z.enum(['pending', 'verified', 'rejected', 'expired']),
        reason: z.string().optional(),
        /** The submitting store's name, so the admins' review request can say who asks. */
        store_name: z.string().optional(),
      }),
    },
  },
  license_expiring_soon: {
    aggregateType: 'license',
    topics: ['notifications'],
    emitOnce: true,
    versions: {
      1: z.object({
        license_id: id,
        store_id: id,
        expiration_date: z.iso.date(),
        days_until_expiration: z.number().int().min(0),
      }),
    },
  },
  license_expired: {
    aggregateType: 'license',
    topics: ['notifications'],
    versions: { 1: z.object({ license_id: id, store_id: id, expiration_date: z.iso.date(), expired_at: at }) },
  },
  /**
   * Bytes landed in storage. GCS finalize notifications and the local store's upload route both arrive here,
   * so one consumer marks the media uploaded whichever adapter stored it.
   */
  media_object_finalized: {
    aggregateType: 'media',
    topics: ['media'],
    versions: {
      1: z.object({ object_key: z.string().min(1), size_bytes: z.number().int().min(0), content_type: z.string() }),
    },
  },
  /** A store deleted media: the worker detaches every usage, deletes the object, then the row. */
  media_deleted: {
    aggregateType: 'media',
    topics: ['media'],
    emitOnce: true,
    versions: { 1: z.object({ media_id: id, store_id: id, object_key: z.string().min(1) }) },
  },
  /**
   * A vendor's subscription standing changed (webhook mirror, reconcile job, admin override): the listing flag
   * `stores.subscription_active` was derived in the same transaction. The vendor is notified.
   */
  subscription_changed: {
    aggregateType: 'store',
    topics: ['billing'],
    versions: {
      1: z.object({
        store_id: id,
        subscription_id: id.nullable(),
        status: z.enum(SUBSCRIPTION_STATUSES).nullable(),
        change: z.enum(SUBSCRIPTION_CHANGES),
        listed: z.boolean(),
        previous_listed: z.boolean(),
        reason: z.enum(LISTING_REASONS),
        cancel_at_period_end: z.boolean(),
        current_period_end: at.nullable(),
        grace_ends_at: at.nullable(),
      }),
    },
  },
  member_joined: {
    aggregateType: 'store',
    topics: ['stores'],
    versions: {
      1: z.object({
        store_id: id,
        user_id: id,
        member_name: z.string().min(1),
        role: z.string(),
      }),
    },
  },
} as const satisfies Record<string, EventDefinition>;

export type EventType = keyof typeof EVENT_CATALOG;
export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

type LatestVersion<T extends EventType> =
  (typeof EVENT_CATALOG)[T]['versions'] extends Record<1, infer S> ? (S extends z.ZodType ? S : never) : never;
export type EventData<T extends EventType> = z.input<LatestVersion<T>>;

export const CURRENT_VERSION: Record<EventType, number> = Object.fromEntries(
  EVENT_TYPES.map((type) => [type, Math.max(...Object.keys(EVENT_CATALOG[type].versions).map(Number))]),
) as Record<EventType, number>;

export const isEventType = (value: string): value is EventType => Object.hasOwn(EVENT_CATALOG, value);

/** The schema of one (type, version), or undefined when this build does not know that version. */
export function payloadSchema(type: string, version: number): z.ZodType | undefined {
  if (!isEventType(type)) return undefined;
  return (EVENT_CATALOG[type].versions as Record<number, z.ZodType>)[version];
}

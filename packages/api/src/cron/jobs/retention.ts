import { consumerReceipts, eventDeliveries, idempotencyKeys, notifications, outboxDlq, outboxEvents } from '@pf/db';
import { and, count, inArray, isNotNull, isNull, lt, min, sql } from 'drizzle-orm';
import type { CronJob } from '../types';
import { daysBefore, deleteInBatches } from './batches';

/**
 * Published outbox rows older than OUTBOX_RETENTION_DAYS, whatever their attempt count (the original only
 * deleted rows with ≥ 5 attempts, so normally published events were kept forever, DOMAIN §7). Unpublished
 * rows, including dead-lettered ones, are never touched here.
 */
export const outboxRetentionJob: CronJob = {
  name: 'outbox-retention',
  schedule: (config) => config.CRON_OUTBOX_RETENTION,
  async run(deps, signal) {
    const cutoff = daysBefore(deps.clock.now(), deps.config.OUTBOX_RETENTION_DAYS);
    const { deleted, complete } = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ id: outboxEvents.id })
        .from(outboxEvents)
        .where(and(isNotNull(outboxEvents.publishedAt), lt(outboxEvents.publishedAt, cutoff)))
        .limit(limit);
      const rows = await deps.db
        .delete(outboxEvents)
        .where(inArray(outboxEvents.id, batch))
        .returning({ id: outboxEvents.id });
      return rows.length;
    });
    return { deleted, complete, cutoff: cutoff.toISOString() };
  },
};

/** In-app notifications older than NOTIFICATION_RETENTION_DAYS, read or not (DOMAIN §5.16, §7). */
export const notificationRetentionJob: CronJob = {
  name: 'notification-retention',
  schedule: (config) => config.CRON_NOTIFICATION_RETENTION,
  async run(deps, signal) {
    const cutoff = daysBefore(deps.clock.now(), deps.config.NOTIFICATION_RETENTION_DAYS);
    const { deleted, complete } = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ id: notifications.id })
        .from(notifications)
        .where(lt(notifications.createdAt, cutoff))
        .limit(limit);
      const rows = await deps.db
        .delete(notifications)
        .where(inArray(notifications.id, batch))
        .returning({ id: notifications.id });
      return rows.length;
    });
    return { deleted, complete, cutoff: cutoff.toISOString() };
  },
};

/**
 * DLQ policy: a dead letter is evidence of an event that never took effect, so it is kept until an
 * operator replays it. Only entries replayed more than DLQ_RETENTION_DAYS ago are deleted (a replay that
 * fails again resets `replayed_at`, so it is kept as a fresh dead letter). Un-replayed entries are never
 * deleted automatically; the run counts them, and warns about those older than the window.
 */
export const dlqRetentionJob: CronJob = {
  name: 'dlq-retention',
  schedule: (config) => config.CRON_DLQ_RETENTION,
  async run(deps, signal) {
    const cutoff = daysBefore(deps.clock.now(), deps.config.DLQ_RETENTION_DAYS);
    const { deleted, complete } = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ id: outboxDlq.id })
        .from(outboxDlq)
        .where(and(isNotNull(outboxDlq.replayedAt), lt(outboxDlq.replayedAt, cutoff)))
        .limit(limit);
      const rows = await deps.db.delete(outboxDlq).where(inArray(outboxDlq.id, batch)).returning({ id: outboxDlq.id });
      return rows.length;
    });
    const [kept] = await deps.db
      .select({
        unreplayed: count(),
        stale:
          sql<number>`count(*) filter (where ${outboxDlq.createdAt} < ${cutoff.toISOString()}::timestamptz)`.mapWith(
            Number,
          ),
        oldest: min(outboxDlq.createdAt),
      })
      .from(outboxDlq)
      .where(isNull(outboxDlq.replayedAt));
    const unreplayed = kept?.unreplayed ?? 0;
    const stale = kept?.stale ?? 0;
    if (stale > 0) {
      deps.logger.warn(
        { unreplayed, olderThanWindow: stale, oldest: kept?.oldest?.toISOString() },
        'dead letters waiting for replay longer than the retention window (kept; replay or investigate them)',
      );
    }
    return { deleted, complete, unreplayedKept: unreplayed, unreplayedOlderThanWindow: stale };
  },
};

/**
 * Acked transport deliveries (DELIVERY_RETENTION_DAYS) and consumer receipts (CONSUMER_RECEIPT_RETENTION_DAYS).
 * A receipt is a consumer's "already done" marker: an event redelivered after its receipt is gone would
 * run again, so the window matches the consumer idempotency TTL (720 h, DOMAIN §6.6).
 */
export const deliveryRetentionJob: CronJob = {
  name: 'delivery-retention',
  schedule: (config) => config.CRON_DELIVERY_RETENTION,
  async run(deps, signal) {
    const now = deps.clock.now();
    const deliveryCutoff = daysBefore(now, deps.config.DELIVERY_RETENTION_DAYS);
    const receiptCutoff = daysBefore(now, deps.config.CONSUMER_RECEIPT_RETENTION_DAYS);
    const deliveries = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ id: eventDeliveries.id })
        .from(eventDeliveries)
        .where(and(isNotNull(eventDeliveries.ackedAt), lt(eventDeliveries.ackedAt, deliveryCutoff)))
        .limit(limit);
      const rows = await deps.db
        .delete(eventDeliveries)
        .where(inArray(eventDeliveries.id, batch))
        .returning({ id: eventDeliveries.id });
      return rows.length;
    });
    const receipts = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ consumer: consumerReceipts.consumer, eventId: consumerReceipts.eventId })
        .from(consumerReceipts)
        .where(lt(consumerReceipts.processedAt, receiptCutoff))
        .limit(limit);
      const rows = await deps.db
        .delete(consumerReceipts)
        .where(sql`(${consumerReceipts.consumer}, ${consumerReceipts.eventId}) in ${batch}`)
        .returning({ consumer: consumerReceipts.consumer });
      return rows.length;
    });
    return {
      deliveriesDeleted: deliveries.deleted,
      receiptsDeleted: receipts.deleted,
      complete: deliveries.complete && receipts.complete,
    };
  },
};

/**
 * Expired idempotency records (DOMAIN §10.4) are dead weight: a repeat after the window runs as a new
 * request anyway. Replaces the former `idempotency-retention` worker loop.
 */
export const idempotencyRetentionJob: CronJob = {
  name: 'idempotency-retention',
  schedule: (config) => config.CRON_IDEMPOTENCY_RETENTION,
  async run(deps, signal) {
    const now = deps.clock.now();
    const { deleted, complete } = await deleteInBatches(signal, async (limit) => {
      const batch = deps.db
        .select({ scope: idempotencyKeys.scope, key: idempotencyKeys.key })
        .from(idempotencyKeys)
        .where(lt(idempotencyKeys.expiresAt, now))
        .limit(limit);
      const rows = await deps.db
        .delete(idempotencyKeys)
        .where(sql`(${idempotencyKeys.scope}, ${idempotencyKeys.key}) in ${batch}`)
        .returning({ key: idempotencyKeys.key });
      return rows.length;
    });
    return { deleted, complete };
  },
};

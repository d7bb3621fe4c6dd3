import { randomUUID } from 'node:crypto';
import { eventDeliveries, notifications, outboxDlq, outboxEvents } from '@pf/db';
import { EVENT_CATALOG, EVENT_TYPES, type EventData, type EventType } from '@pf/domain';
import { eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsConsumer } from '../src/consumers/notifications';
import { createDeliveryProcessor } from '../src/events/consumer';
import { dispatchOutboxBatch } from '../src/events/dispatcher';
import { emit } from '../src/events/emit';
import { createTestApp, registerOwner, type TestApp } from '../src/testing';
import { addMember, RELAXED_LIMITS } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ ...RELAXED_LIMITS, OUTBOX_BATCH_SIZE: '500' });
});
afterAll(() => app.close());

const u = () => randomUUID();
const now = () => new Date().toISOString();
const parties = () => ({ order_id: u(), checkout_group_id: u(), buyer_store_id: u(), vendor_store_id: u() });

/** A valid payload for every registered type: the trap of DOMAIN §12.D1 is a type that cannot be stored. */
const SAMPLES: { [T in EventType]: EventData<T> } = {
  order_created: { checkout_group_id: u(), vendor_order_ids: [u()] },
  checkout_converted: {
    checkout_group_id: u(),
    buyer_store_id: u(),
    vendor_order_ids: [u()],
    vendor_store_ids: [u()],
    converted_at: now(),
  },
  order_decided: { ...parties(), decision: 'accept', status: 'accepted' },
  order_ready_for_dispatch: {
    ...parties(),
    fulfillment_status: 'fulfilled',
    shipping_status: 'pending',
    rejected_item_count: 0,
  },
  order_canceled: { ...parties(), canceled_at: now() },
  order_expired: { ...parties(), expired_at: now(), ttl_days: 10 },
  order_pending_nudge: { ...parties(), pending_days: 5 },
  notification_requested: { ...parties(), type: 'order_nudge' },
  order_retried: { ...parties(), original_order_id: u() },
  cash_collected: {
    order_id: u(),
    buyer_store_id: u(),
    vendor_store_id: u(),
    amount_cents: 1000,
    cash_collected_at: now(),
  },
  payment_failed: { order_id: u(), payment_intent_id: u(), failure_reason: 'short' },
  payment_rejected: { order_id: u(), payment_intent_id: u() },
  order_paid: {
    order_id: u(),
    buyer_store_id: u(),
    vendor_store_id: u(),
    payment_intent_id: u(),
    amount_cents: 1000,
    vendor_paid_at: now(),
  },
  license_status_changed: { license_id: u(), store_id: u(), status: 'pending' },
  license_expiring_soon: { license_id: u(), store_id: u(), expiration_date: '2027-01-01', days_until_expiration: 14 },
  license_expired: { license_id: u(), store_id: u(), expiration_date: '2026-01-01', expired_at: now() },
  member_joined: { store_id: u(), user_id: u(), member_name: 'Casey', role: 'staff' },
  subscription_changed: {
    store_id: u(),
    subscription_id: u(),
    status: 'active',
    change: 'subscribed',
    listed: true,
    previous_listed: false,
    reason: 'active',
    cancel_at_period_end: false,
    current_period_end: now(),
    grace_ends_at: null,
  },
  media_object_finalized: { object_key: `${u()}/product/${u()}.png`, size_bytes: 1024, content_type: 'image/png' },
  media_deleted: { media_id: u(), store_id: u(), object_key: `${u()}/product/${u()}.png` },
};

describe('outbox', () => {
  it('stores and publishes one event of every registered type', async () => {
    const ids = await app.deps.db.transaction(async (tx) => {
      const emitted = [];
      for (const type of EVENT_TYPES) {
        emitted.push(
          (await emit(tx, { type, aggregateId: u(), data: SAMPLES[type] as never, occurredAt: new Date() })).eventId,
        );
      }
      return emitted;
    });
    expect(ids).toHaveLength(EVENT_TYPES.length);
    await dispatchOutboxBatch(app.deps);
    const rows = await app.deps.db.select().from(outboxEvents).where(inArray(outboxEvents.eventId, ids));
    expect(rows.filter((row) => row.publishedAt)).toHaveLength(EVENT_TYPES.length);
    expect(await app.deps.db.select().from(outboxDlq).where(inArray(outboxDlq.eventId, ids))).toHaveLength(0);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const aggregateId = u();
    await app.deps.db
      .transaction(async (tx) => {
        await emit(tx, {
          type: 'member_joined',
          aggregateId,
          data: { ...SAMPLES.member_joined, store_id: aggregateId },
          occurredAt: new Date(),
        });
        throw new Error('business rule failed');
      })
      .catch(() => undefined);
    await dispatchOutboxBatch(app.deps);
    expect(await app.deps.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, aggregateId))).toHaveLength(
      0,
    );
  });

  it('refuses an invalid payload inside the transaction, which then writes nothing', async () => {
    const aggregateId = u();
    const attempt = app.deps.db.transaction((tx) =>
      emit(tx, { type: 'order_paid', aggregateId, data: { order_id: 'not-a-uuid' } as never, occurredAt: new Date() }),
    );
    await expect(attempt).rejects.toThrow(/invalid order_paid v1 payload/);
    expect(await app.deps.db.select().from(outboxEvents).where(eq(outboxEvents.aggregateId, aggregateId))).toHaveLength(
      0,
    );
  });

  it('emits "emit once" events once per aggregate', async () => {
    const aggregateId = u();
    const data = { ...SAMPLES.order_created, checkout_group_id: aggregateId };
    const first = await app.deps.db.transaction((tx) =>
      emit(tx, { type: 'order_created', aggregateId, data, occurredAt: new Date() }),
    );
    const second = await app.deps.db.transaction((tx) =>
      emit(tx, { type: 'order_created', aggregateId, data, occurredAt: new Date() }),
    );
    expect([first.emitted, second.emitted]).toEqual([true, false]);
    expect(EVENT_CATALOG.order_created.emitOnce).toBe(true);
  });
});

describe('notifications through the outbox', () => {
  it('an accepted invitation notifies the store once, even when the delivery comes twice', async () => {
    const owner = await registerOwner(app);
    await addMember(app, owner.token, owner.storeId, 'staff');
    await dispatchOutboxBatch(app.deps);
    const process = createDeliveryProcessor(app.deps, notificationsConsumer);
    await app.deps.transport.receive('notifications', 100, process);
    const rows = await app.deps.db.select().from(notifications).where(eq(notifications.storeId, owner.storeId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'security_alert', title: 'New team member', audience: 'store' });

    // Redeliver every acked delivery: the receipt stops a second effect.
    await app.deps.db.update(eventDeliveries).set({ ackedAt: null }).where(isNotNull(eventDeliveries.ackedAt));
    await app.deps.transport.receive('notifications', 1000, process);
    expect(await app.deps.db.select().from(notifications).where(eq(notifications.storeId, owner.storeId))).toHaveLength(
      1,
    );
  });
});

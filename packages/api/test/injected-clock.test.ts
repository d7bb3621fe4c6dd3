import type { PubSubClient } from '@pf/adapters';
import { outboxEvents } from '@pf/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relayGcsNotifications } from '../src/services/media/gcs-finalize-bridge';
import { createTestApp, createTestClock, registerOwner, type TestApp } from '../src/testing';
import { addMember, RELAXED_LIMITS } from './helpers';

// Time comes from the injected clock (ARCHITECTURE §3): with the clock moved far from the wall clock, every
// timestamp a service writes must be the clock's.
const clock = createTestClock();
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS, { clock });
  clock.advance(400 * 24 * 3600 * 1000);
});
afterAll(() => app.close());

const occurredAtOf = async (type: 'member_joined' | 'media_object_finalized', aggregateId: string) => {
  const rows = await app.deps.db
    .select({ payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.eventType, type), eq(outboxEvents.aggregateId, aggregateId)));
  return rows.map((row) => (row.payload as { occurredAt: string }).occurredAt);
};

/** The clock's reading just before and after `work`, as ISO strings (they sort as the instants do). */
async function clockAround(work: () => Promise<unknown>) {
  const before = clock.now().toISOString();
  await work();
  return { before, after: clock.now().toISOString() };
}

describe('events stamped with the injected clock', () => {
  it('an accepted invitation (member_joined)', async () => {
    const owner = await registerOwner(app);
    const { before, after } = await clockAround(() => addMember(app, owner.token, owner.storeId, 'staff'));
    const [occurredAt] = await occurredAtOf('member_joined', owner.storeId);
    expect(occurredAt && occurredAt >= before && occurredAt <= after, `${occurredAt} in [${before}, ${after}]`).toBe(
      true,
    );
  });

  it('an object finalized in Cloud Storage (media_object_finalized from the bucket relay)', async () => {
    const key = `s/product/clock-${Date.now()}.png`;
    const message = {
      ackId: 'a1',
      attributes: { eventType: 'OBJECT_FINALIZE', bucketId: 'pf-media', objectId: key, payloadFormat: 'JSON_API_V1' },
      data: Buffer.from(JSON.stringify({ name: key, size: '10', contentType: 'image/png' })),
    };
    const client: PubSubClient = {
      publish: () => Promise.reject(new Error('not used')),
      resumePublishing: () => undefined,
      pull: async () => [message],
      acknowledge: async () => undefined,
      modifyAckDeadline: async () => undefined,
      close: async () => undefined,
    };
    const { before, after } = await clockAround(() =>
      relayGcsNotifications(app.deps, client, { subscription: 'sub', bucket: 'pf-media', maxMessages: 1 }),
    );
    const [occurredAt] = await occurredAtOf('media_object_finalized', key);
    expect(occurredAt && occurredAt >= before && occurredAt <= after, `${occurredAt} in [${before}, ${after}]`).toBe(
      true,
    );
  });
});

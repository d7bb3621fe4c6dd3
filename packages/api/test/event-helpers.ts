import { randomUUID } from 'node:crypto';
import { outboxDlq } from '@pf/db';
import { and, eq } from 'drizzle-orm';
import { emit } from '../src/events/emit';
import type { TestApp } from '../src/testing';

/** Emits `count` member_joined events in one business transaction; returns their event ids in order. */
export function emitJoined(app: TestApp, count: number): Promise<string[]> {
  return app.deps.db.transaction(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const storeId = randomUUID();
      const data = { store_id: storeId, user_id: randomUUID(), member_name: `Member ${i}`, role: 'staff' };
      ids.push((await emit(tx, { type: 'member_joined', aggregateId: storeId, data, occurredAt: new Date() })).eventId);
    }
    return ids;
  });
}

/** The dead letter a consumer parked for an event, if any. */
export const deadLetterOf = async (app: TestApp, consumer: string, eventId: string) =>
  (
    await app.deps.db
      .select()
      .from(outboxDlq)
      .where(and(eq(outboxDlq.eventId, eventId), eq(outboxDlq.consumer, consumer)))
  )[0];

import type { DbOrTx } from '@pf/db';
import { sql } from 'drizzle-orm';

export interface DeadLetter {
  outboxEventId?: string | null;
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  consumer: string | null;
  payload: Record<string, unknown>;
  reason: 'max_attempts' | 'non_retryable' | 'handler_failed' | 'unknown_version';
  errorMessage: string;
  attemptCount: number;
}

/** One DLQ row per (event, consumer); a replayed event that fails again updates its row. */
export async function recordDeadLetter(db: DbOrTx, letter: DeadLetter) {
  await db.execute(sql`
    insert into outbox_dlq (outbox_event_id, event_id, event_type, aggregate_type, aggregate_id, consumer, payload,
                            reason, error_message, attempt_count)
    values (${letter.outboxEventId ?? null}, ${letter.eventId}, ${letter.eventType}, ${letter.aggregateType},
            ${letter.aggregateId}, ${letter.consumer}, ${JSON.stringify(letter.payload)}::jsonb, ${letter.reason},
            ${letter.errorMessage.slice(0, 4000)}, ${letter.attemptCount})
    on conflict (event_id, coalesce(consumer, '')) do update
      set reason = excluded.reason, error_message = excluded.error_message,
          attempt_count = excluded.attempt_count, created_at = now(), replayed_at = null`);
}

import { z } from 'zod';

/**
 * Why a message is in the dead-letter queue. Dispatcher letters (consumer null): `non_retryable` (can never be
 * published as stored), `max_attempts` (publishing kept failing), `unknown_version` (a newer build emitted a
 * version this one does not know). Consumer letters: `handler_failed` (after CONSUMER_MAX_ATTEMPTS),
 * `non_retryable` (undecodable or invalid payload), `unknown_version` (parked until a build that knows it runs).
 */
export const DEAD_LETTER_REASONS = ['max_attempts', 'non_retryable', 'handler_failed', 'unknown_version'] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

const name = z.string().trim().min(1).max(100);

/** Filters shared by listing and bulk replay. `consumer: null` selects the dispatcher's letters. */
export const deadLetterFilter = z.strictObject({
  consumer: name.nullable().optional(),
  eventType: name.optional(),
  reason: z.enum(DEAD_LETTER_REASONS).optional(),
  /** true: only letters replayed since they last failed; false: only letters still waiting for a replay. */
  replayed: z.boolean().optional(),
});
export type DeadLetterFilter = z.infer<typeof deadLetterFilter>;

export const listDeadLettersInput = deadLetterFilter.extend({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListDeadLettersInput = z.input<typeof listDeadLettersInput>;

export const deadLetterSummary = z.object({
  id: z.string(),
  eventId: z.string(),
  outboxEventId: z.string().nullable(),
  eventType: z.string(),
  aggregateType: z.string(),
  aggregateId: z.string(),
  /** null = the dispatcher could not publish it; otherwise the consumer (subscription) that gave up. */
  consumer: z.string().nullable(),
  reason: z.enum(DEAD_LETTER_REASONS),
  errorMessage: z.string().nullable(),
  attemptCount: z.number().int(),
  replayCount: z.number().int(),
  replayedAt: z.string().nullable(),
  /** When it (last) failed: a replayed letter that fails again is moved to the front. */
  createdAt: z.string(),
});
export type DeadLetterSummary = z.infer<typeof deadLetterSummary>;

export const deadLetterDto = deadLetterSummary.extend({
  /** The exact envelope that failed. */
  payload: z.record(z.string(), z.unknown()),
});
export type DeadLetterDto = z.infer<typeof deadLetterDto>;

export const deadLetterPage = z.object({ items: z.array(deadLetterSummary), nextCursor: z.string().nullable() });
export type DeadLetterPage = z.infer<typeof deadLetterPage>;

export const getDeadLetterInput = z.strictObject({ id: z.uuid() });

/** One letter by id, or every letter matching a filter (at most `limit`), optionally as a dry run. */
export const replayDeadLettersInput = z.union([
  z.strictObject({ id: z.uuid() }),
  z.strictObject({
    filter: deadLetterFilter,
    dryRun: z.boolean().default(false),
    limit: z.number().int().min(1).max(5000).default(500),
  }),
]);
export type ReplayDeadLettersInput = z.input<typeof replayDeadLettersInput>;

export const replayResult = z.object({
  dryRun: z.boolean(),
  /** The letters replayed (or, in a dry run, that would be). */
  items: z.array(deadLetterSummary),
  count: z.number().int(),
  /** More letters match than `limit`: run again to continue. */
  more: z.boolean(),
});
export type ReplayResult = z.infer<typeof replayResult>;

import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * One row per scheduled job: when it last started. Kept in Postgres (not Redis, which is ephemeral and
 * in-process when embedded) so a restart does not run every job again, and claimed with a conditional
 * update so that of N schedulers that see a job due, exactly one starts it for that slot.
 */
export const cronJobs = pgTable('cron_jobs', {
  name: text().primaryKey(),
  lastRunAt: timestamp({ withTimezone: true }).notNull(),
  lastRunId: uuid().notNull(),
  lastStatus: text({ enum: ['running', 'succeeded', 'failed'] }).notNull(),
  lastFinishedAt: timestamp({ withTimezone: true }),
  lastDurationMs: integer(),
  lastError: text(),
  lastSummary: jsonb().$type<Record<string, unknown>>(),
});

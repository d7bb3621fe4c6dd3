import { cronJobs, type DbOrTx } from '@pf/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { JobSummary } from './types';

export interface JobState {
  lastRunAt: Date;
  lastRunId: string;
}

export async function loadJobStates(db: DbOrTx, names: string[]): Promise<Map<string, JobState>> {
  if (names.length === 0) return new Map();
  const rows = await db
    .select({ name: cronJobs.name, lastRunAt: cronJobs.lastRunAt, lastRunId: cronJobs.lastRunId })
    .from(cronJobs)
    .where(inArray(cronJobs.name, names));
  return new Map(rows.map((row) => [row.name, { lastRunAt: row.lastRunAt, lastRunId: row.lastRunId }]));
}

/**
 * Compare-and-set on the run id the scheduler saw: of several instances that found the job due from the
 * same state, only one moves it to the new run. Returns false when another instance got there first.
 */
export async function claimRun(db: DbOrTx, name: string, seen: JobState | undefined, runId: string, at: Date) {
  const values = { lastRunAt: at, lastRunId: runId, lastStatus: 'running' as const, lastFinishedAt: null };
  const claimed = seen
    ? await db
        .update(cronJobs)
        .set({ ...values, lastDurationMs: null, lastError: null, lastSummary: null })
        .where(and(eq(cronJobs.name, name), eq(cronJobs.lastRunId, seen.lastRunId)))
        .returning({ name: cronJobs.name })
    : await db
        .insert(cronJobs)
        .values({ name, ...values })
        .onConflictDoNothing()
        .returning({ name: cronJobs.name });
  return claimed.length > 0;
}

export async function recordFinish(
  db: DbOrTx,
  name: string,
  runId: string,
  result: { at: Date; durationMs: number; error?: string; summary?: JobSummary },
) {
  await db
    .update(cronJobs)
    .set({
      lastStatus: result.error === undefined ? 'succeeded' : 'failed',
      lastFinishedAt: result.at,
      lastDurationMs: Math.round(result.durationMs),
      lastError: result.error?.slice(0, 2000) ?? null,
      lastSummary: result.summary ?? null,
    })
    // A run that outlived its lock must not overwrite the record of a newer run.
    .where(and(eq(cronJobs.name, name), eq(cronJobs.lastRunId, runId)));
}

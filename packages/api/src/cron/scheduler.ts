import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { AppDeps } from '../deps';
import { withLogContext } from '../logger';
import type { Loop } from '../loops/runner';
import { acquireLock } from './lock';
import { DISABLED, nextRunAfter } from './schedule';
import { claimRun, type JobState, loadJobStates, recordFinish } from './state';
import type { CronJob, JobSummary } from './types';

export type JobOutcome =
  | { job: string; outcome: 'disabled' }
  | { job: string; outcome: 'not_due'; nextRunAt: Date }
  /** Another instance holds the job's lock (it is running it now). */
  | { job: string; outcome: 'locked' }
  /** Another instance already started this slot's run. */
  | { job: string; outcome: 'claimed_elsewhere' }
  | { job: string; outcome: 'succeeded'; runId: string; summary: JobSummary }
  | { job: string; outcome: 'failed'; runId?: string; error: string };

const lockKey = (deps: AppDeps, job: CronJob) => `cron:lock:${deps.config.APP_ENV}:${job.name}`;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function execute(deps: AppDeps, job: CronJob, runId: string, signal: AbortSignal): Promise<JobOutcome> {
  const started = performance.now();
  deps.logger.info({ schedule: job.schedule(deps.config) }, 'job started');
  try {
    const summary = await job.run(deps, signal);
    const durationMs = performance.now() - started;
    deps.metrics.jobDuration.observe({ job: job.name, outcome: 'success' }, durationMs / 1000);
    deps.metrics.jobSuccess.inc({ job: job.name });
    deps.metrics.jobLastSuccess.set({ job: job.name }, deps.clock.now().getTime() / 1000);
    deps.logger.info({ durationMs: Math.round(durationMs), summary }, 'job finished');
    await recordFinish(deps.db, job.name, runId, { at: deps.clock.now(), durationMs, summary });
    return { job: job.name, outcome: 'succeeded', runId, summary };
  } catch (error) {
    const durationMs = performance.now() - started;
    deps.metrics.jobDuration.observe({ job: job.name, outcome: 'failure' }, durationMs / 1000);
    deps.metrics.jobFailure.inc({ job: job.name });
    deps.logger.error({ err: error, durationMs: Math.round(durationMs) }, 'job failed');
    await recordFinish(deps.db, job.name, runId, { at: deps.clock.now(), durationMs, error: messageOf(error) }).catch(
      (recordError: unknown) => deps.logger.error({ err: recordError }, 'could not record the job failure'),
    );
    return { job: job.name, outcome: 'failed', runId, error: messageOf(error) };
  }
}

async function runIfDue(
  deps: AppDeps,
  job: CronJob,
  seen: JobState | undefined,
  signal: AbortSignal,
): Promise<JobOutcome> {
  const schedule = job.schedule(deps.config);
  if (schedule === DISABLED) return { job: job.name, outcome: 'disabled' };
  const now = deps.clock.now();
  // Never run before: due at once (a fresh deployment cleans up on its first tick). Otherwise due from the
  // first slot after the last start; slots missed while no worker ran collapse into one run.
  if (seen) {
    const nextRunAt = nextRunAfter(schedule, seen.lastRunAt, deps.config.CRON_TIMEZONE);
    if (nextRunAt > now) return { job: job.name, outcome: 'not_due', nextRunAt };
  }
  const lock = await acquireLock(deps.kv, lockKey(deps, job), deps.config.CRON_LOCK_TTL_SECONDS * 1000);
  if (!lock) return { job: job.name, outcome: 'locked' };
  const runId = randomUUID();
  try {
    // Recorded before the run: a job that crashes the process is not retried on every boot, only next slot.
    if (!(await claimRun(deps.db, job.name, seen, runId, now))) return { job: job.name, outcome: 'claimed_elsewhere' };
    return await withLogContext({ jobId: runId, job: job.name }, () => execute(deps, job, runId, signal));
  } finally {
    const released = await lock.release().catch(() => false);
    if (!released) {
      deps.logger.warn(
        { job: job.name, runId },
        'cron lock had expired before the job finished: raise CRON_LOCK_TTL_SECONDS',
      );
    }
  }
}

/**
 * One scheduler tick: run every due job, one after another, each under its own lock. A job that fails (or
 * whose lock or claim fails) is logged and counted; the others still run.
 */
export async function runDueJobs(deps: AppDeps, jobs: readonly CronJob[], signal: AbortSignal): Promise<JobOutcome[]> {
  const states = await loadJobStates(
    deps.db,
    jobs.map((job) => job.name),
  );
  const outcomes: JobOutcome[] = [];
  for (const job of jobs) {
    if (signal.aborted) break;
    try {
      outcomes.push(await runIfDue(deps, job, states.get(job.name), signal));
    } catch (error) {
      deps.metrics.jobFailure.inc({ job: job.name });
      deps.logger.error({ err: error, job: job.name }, 'could not schedule job');
      outcomes.push({ job: job.name, outcome: 'failed', error: messageOf(error) });
    }
  }
  return outcomes;
}

/** The worker loop that drives `jobs`: wakes every CRON_TICK_SECONDS and runs what is due. */
export function cronSchedulerLoop(jobs: readonly CronJob[], name = 'cron'): Loop {
  return {
    name,
    intervalMs: (deps) => deps.config.CRON_TICK_SECONDS * 1000,
    async runOnce(deps, signal) {
      await runDueJobs(deps, jobs, signal);
      return false;
    },
  };
}

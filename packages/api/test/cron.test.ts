import { randomBytes } from 'node:crypto';
import { createRedisKeyValueStore } from '@pf/adapters';
import { createPostgresDb, cronJobs } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { ALL_CRON_JOBS, type CronJob, runDueJobs } from '../src/cron';
import { claimRun, loadJobStates } from '../src/cron/state';
import type { AppDeps } from '../src/deps';
import { createLogger } from '../src/logger';
import { ALL_LOOPS, selectLoops } from '../src/loops';
import { createRuntime, type Runtime } from '../src/runtime';
import { createTestApp, type TestApp, testRedisUrl } from '../src/testing';
import { capturingLogger, countingJob, DAY_MS, failingJob, fixedClock } from './cron-helpers';

const clock = fixedClock();
let app: TestApp;
const opened: Runtime[] = [];
beforeAll(async () => {
  app = await createTestApp({}, { clock });
});
afterAll(async () => {
  for (const runtime of opened) await runtime.close();
  await app.close();
});

/** Another worker instance: its own connection pool and Redis client over the same database and key prefix. */
async function instance(prefix: string) {
  const runtime = await createRuntime(app.deps.config, {
    dbHandle: createPostgresDb({ url: app.database.url, maxConnections: 3 }),
    kv: createRedisKeyValueStore(testRedisUrl(), prefix),
    clock,
    logger: createLogger('silent'),
  });
  opened.push(runtime);
  return runtime.deps;
}

const signal = () => new AbortController().signal;
const outcomesOf = async (deps: AppDeps, jobs: CronJob[]) =>
  Object.fromEntries((await runDueJobs(deps, jobs, signal())).map((o) => [o.job, o.outcome]));
const counter = async (metric: AppDeps['metrics']['jobSuccess'], job: string) =>
  (await metric.get()).values.find((value) => value.labels.job === job)?.value ?? 0;
const uniqueName = (base: string) => `${base}-${randomBytes(3).toString('hex')}`;

describe('cron scheduler', () => {
  it('is a worker loop named cron and replaces the idempotency-retention loop', () => {
    expect(selectLoops(ALL_LOOPS, ['cron']).map((loop) => loop.name)).toEqual(['cron']);
    expect(ALL_LOOPS.map((loop) => loop.name)).not.toContain('idempotency-retention');
    expect(ALL_CRON_JOBS.map((job) => job.name)).toEqual([
      'idempotency-retention',
      'outbox-retention',
      'notification-retention',
      'dlq-retention',
      'delivery-retention',
      'license-lifecycle',
      'order-ttl',
      'pending-media-cleanup',
      'subscription-reconcile',
    ]);
    for (const job of ALL_CRON_JOBS) expect(job.schedule(app.deps.config)).not.toBe('off');
  });

  it('runs a due job exactly once across two scheduler instances ticking at the same moment', async () => {
    const prefix = `pf-test:${randomBytes(6).toString('hex')}:`;
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const { job, state } = countingJob(uniqueName('shared'), '0 0 * * *', 150);

    const first = await Promise.all([a, b, a, b].map((deps) => runDueJobs(deps, [job], signal())));
    expect(state.runs).toBe(1);
    const outcomes = first.flat().map((o) => o.outcome);
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    // The others found it locked, lost the claim, or (ticking a moment later) saw it already ran.
    expect(outcomes.filter((o) => ['locked', 'claimed_elsewhere', 'not_due'].includes(o))).toHaveLength(3);

    // Nothing is due until the next slot (midnight), however often either instance ticks.
    for (let i = 0; i < 3; i++) await Promise.all([a, b].map((deps) => runDueJobs(deps, [job], signal())));
    expect(state.runs).toBe(1);

    clock.advance(DAY_MS);
    await Promise.all([a, b, a, b].map((deps) => runDueJobs(deps, [job], signal())));
    expect(state.runs).toBe(2);
  });

  it('a second instance that saw the old state cannot claim a slot another instance already started', async () => {
    const name = uniqueName('claim');
    expect(await claimRun(app.deps.db, name, undefined, crypto.randomUUID(), clock.now())).toBe(true);
    expect(await claimRun(app.deps.db, name, undefined, crypto.randomUUID(), clock.now())).toBe(false);
    const seen = (await loadJobStates(app.deps.db, [name])).get(name);
    const [winner, loser] = await Promise.all([
      claimRun(app.deps.db, name, seen, crypto.randomUUID(), clock.now()),
      claimRun(app.deps.db, name, seen, crypto.randomUUID(), clock.now()),
    ]);
    expect([winner, loser].sort()).toEqual([false, true]);
  });

  it('remembers the last run in Postgres: a restarted worker (empty KV) does not run the job again', async () => {
    const { job, state } = countingJob(uniqueName('restart'));
    const before = await instance(`pf-test:${randomBytes(6).toString('hex')}:`);
    expect(await outcomesOf(before, [job])).toEqual({ [job.name]: 'succeeded' });
    const after = await instance(`pf-test:${randomBytes(6).toString('hex')}:`);
    expect(await outcomesOf(after, [job])).toEqual({ [job.name]: 'not_due' });
    expect(state.runs).toBe(1);
    const [row] = await app.deps.db.select().from(cronJobs).where(eq(cronJobs.name, job.name));
    expect(row?.lastStatus).toBe('succeeded');
    expect(row?.lastSummary).toEqual({ runs: 1 });
    expect(row?.lastRunAt.toISOString()).toBe(clock.now().toISOString());
  });

  it('collapses missed slots into one run', async () => {
    const { job, state } = countingJob(uniqueName('missed'), '*/5 * * * *');
    await runDueJobs(app.deps, [job], signal());
    clock.advance(60 * 60_000);
    await runDueJobs(app.deps, [job], signal());
    await runDueJobs(app.deps, [job], signal());
    expect(state.runs).toBe(2);
  });

  it('isolates a failing job: the others run, metrics and the job record say which failed', async () => {
    const broken = failingJob(uniqueName('broken'), 'disk on fire');
    const { job: healthy, state } = countingJob(uniqueName('healthy'));
    const { logger, lines } = capturingLogger();
    const outcomes = await outcomesOf({ ...app.deps, logger }, [broken, healthy]);
    expect(outcomes).toEqual({ [broken.name]: 'failed', [healthy.name]: 'succeeded' });
    expect(state.runs).toBe(1);
    expect(await counter(app.deps.metrics.jobFailure, broken.name)).toBe(1);
    expect(await counter(app.deps.metrics.jobSuccess, broken.name)).toBe(0);
    expect(await counter(app.deps.metrics.jobSuccess, healthy.name)).toBe(1);
    const durations = (await app.deps.metrics.jobDuration.get()).values.filter(
      (value) => value.metricName === 'pf_job_duration_seconds_count' && value.labels.job === healthy.name,
    );
    expect(durations[0]?.value).toBe(1);

    const [row] = await app.deps.db.select().from(cronJobs).where(eq(cronJobs.name, broken.name));
    expect(row).toMatchObject({ lastStatus: 'failed', lastError: 'disk on fire' });
    const failed = lines.find((line) => line.msg === 'job failed');
    expect(failed).toMatchObject({ job: broken.name, level: 50 });
    // A failure waits for the next slot instead of retrying on every tick.
    expect((await outcomesOf(app.deps, [broken]))[broken.name]).toBe('not_due');
  });

  it('logs start and end lines carrying the run jobId and the summary', async () => {
    const { job } = countingJob(uniqueName('logged'));
    const { logger, lines } = capturingLogger();
    const [outcome] = await runDueJobs({ ...app.deps, logger }, [job], signal());
    if (outcome?.outcome !== 'succeeded') throw new Error(`unexpected outcome ${outcome?.outcome}`);
    const started = lines.find((line) => line.msg === 'job started');
    const finished = lines.find((line) => line.msg === 'job finished');
    expect(started).toMatchObject({ jobId: outcome.runId, job: job.name, schedule: '0 0 * * *' });
    expect(finished).toMatchObject({ jobId: outcome.runId, job: job.name, summary: { runs: 1 } });
    expect(typeof finished?.durationMs).toBe('number');
  });

  it('skips a job whose lock another owner holds, leaves that lock alone, and releases its own', async () => {
    const { job, state } = countingJob(uniqueName('locked'));
    const key = `cron:lock:${app.deps.config.APP_ENV}:${job.name}`;
    await app.deps.kv.set(key, 'someone-else', { ttlMs: 60_000 });
    expect((await outcomesOf(app.deps, [job]))[job.name]).toBe('locked');
    expect(await app.deps.kv.get(key)).toBe('someone-else');
    expect(state.runs).toBe(0);

    await app.deps.kv.delete(key);
    expect((await outcomesOf(app.deps, [job]))[job.name]).toBe('succeeded');
    expect(await app.deps.kv.get(key)).toBeNull();
  });

  it('does not run a job whose schedule is off', async () => {
    const { job, state } = countingJob(uniqueName('off'), 'off');
    expect((await outcomesOf(app.deps, [job]))[job.name]).toBe('disabled');
    expect(state.runs).toBe(0);
  });

  it('runs every registered job on a fresh database and records each one', async () => {
    const outcomes = await runDueJobs(app.deps, ALL_CRON_JOBS, signal());
    expect(outcomes.map((o) => [o.job, o.outcome])).toEqual(ALL_CRON_JOBS.map((job) => [job.name, 'succeeded']));
    const rows = await app.deps.db.select({ name: cronJobs.name, status: cronJobs.lastStatus }).from(cronJobs);
    for (const job of ALL_CRON_JOBS) expect(rows).toContainEqual({ name: job.name, status: 'succeeded' });
  });
});

describe('cron settings', () => {
  const base = { APP_ENV: 'test' };
  it('have hourly/daily defaults and a 1 h lock', () => {
    const config = loadConfig(base);
    expect(config.CRON_IDEMPOTENCY_RETENTION).toBe('5 * * * *');
    expect(config.CRON_OUTBOX_RETENTION).toBe('0 3 * * *');
    expect(config.CRON_LOCK_TTL_SECONDS).toBe(3600);
    expect(config.OUTBOX_RETENTION_DAYS).toBe(30);
  });

  it('reject an invalid expression or time zone, naming the key, and accept off', () => {
    expect(() => loadConfig({ ...base, CRON_OUTBOX_RETENTION: '99 * * * *' })).toThrow(/CRON_OUTBOX_RETENTION/);
    expect(() => loadConfig({ ...base, CRON_TIMEZONE: 'Mars/Olympus' })).toThrow(/CRON_TIMEZONE/);
    expect(loadConfig({ ...base, CRON_DLQ_RETENTION: 'off' }).CRON_DLQ_RETENTION).toBe('off');
    expect(loadConfig({ ...base, CRON_DLQ_RETENTION: '0 0 * * 0' }).CRON_DLQ_RETENTION).toBe('0 0 * * 0');
  });
});

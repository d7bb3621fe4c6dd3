import { setTimeout as sleep } from 'node:timers/promises';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testRedisUrl } from '../src/testing';
import { emitJoined } from './event-helpers';
import { buildWorker, randomBetween, startWorker, type WorkerProcess, waitUntil } from './fault/harness';
import { RELAXED_LIMITS } from './helpers';

/**
 * Real worker processes (test/fault/worker-process.ts) killed with SIGKILL at random moments and restarted.
 * Only the timing is random; the outcome must always be the same: every emitted event published exactly
 * once and handled exactly once. Plain tables without unique keys record publishes and effects, so a
 * committed double would show as a second row rather than be absorbed by a constraint.
 */

/** Each cycle kills both a dispatcher and a consumer process; together with SINGLE_KILLS, ≥ 30 kill/restart runs. */
const PAIR_CYCLES = 20;
/** Kills of one instance among two dispatchers and two consumers running at once. */
const SINGLE_KILLS = 10;

let app: TestApp;
let bundle: Awaited<ReturnType<typeof buildWorker>>;
const running = new Set<WorkerProcess>();
const stats = { killRestarts: 0, processKills: 0, starts: 0, startMs: 0, maxStartMs: 0 };

beforeAll(async () => {
  [app, bundle] = await Promise.all([createTestApp(RELAXED_LIMITS), buildWorker()]);
  await app.deps.db.execute(
    sql.raw(`
      create table fault_effects (event_id uuid not null, pid int not null, at timestamptz not null default now());
      create table fault_publishes (event_id uuid not null, pid int not null, at timestamptz not null default now());
      create table fault_handler_runs (event_id uuid not null, pid int not null, at timestamptz not null default now());
    `),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all([...running].map((worker) => worker.kill()));
  await bundle?.remove();
  await app?.close();
  console.info(
    `fault tests: ${stats.killRestarts} kill/restart runs, ${stats.processKills} processes SIGKILLed; ` +
      `${stats.starts} worker starts, ${Math.round(stats.startMs / Math.max(1, stats.starts))} ms average to ready (max ${stats.maxStartMs} ms)`,
  );
});

/** Raw SQL rows (postgres-js returns them as an array). */
const rowsOf = async <T>(query: SQL) => (await app.deps.db.execute(query)) as unknown as T[];

const start = (only: string) => {
  const worker = startWorker(bundle.file, only, {
    DATABASE_URL: app.database.url,
    REDIS_URL: testRedisUrl(),
    APP_ENV: 'test',
    AUTH_SECRET: 'fault-test-secret-that-is-long-enough-for-hs256',
    LOG_LEVEL: 'silent',
    // Small batches and a little simulated work per event: many short transactions for kills to land in.
    OUTBOX_BATCH_SIZE: '10',
    CONSUMER_BATCH_SIZE: '5',
    OUTBOX_POLL_INTERVAL_MS: '50',
    FAULT_WORK_MS: '5',
  });
  running.add(worker);
  void worker.exited.then(() => running.delete(worker));
  const startedAt = Date.now();
  void worker.ready.then(() => {
    const ms = Date.now() - startedAt;
    stats.starts++;
    stats.startMs += ms;
    stats.maxStartMs = Math.max(stats.maxStartMs, ms);
  });
  return worker;
};

const kill = async (worker: WorkerProcess) => {
  await worker.kill();
  stats.processKills++;
};

const emitEvents = (count: number) => emitJoined(app, count);

const progress = async () =>
  (
    await rowsOf<{ emitted: number; unpublished: number; pending: number; handled: number }>(sql`
      select (select count(*)::int from outbox_events) as emitted,
             (select count(*)::int from outbox_events where published_at is null) as unpublished,
             (select count(*)::int from event_deliveries where acked_at is null) as pending,
             (select count(distinct event_id)::int from fault_effects) as handled`)
  )[0];

/** Waits until everything emitted is published and every delivery handled. */
const drained = () =>
  waitUntil(
    async () => {
      const p = await progress();
      return p !== undefined && p.unpublished === 0 && p.pending === 0 && p.handled === p.emitted;
    },
    120_000,
    async () => JSON.stringify(await progress()),
  );

/** Runs one dispatcher and one consumer until everything is drained, then stops them gracefully. */
async function drain() {
  const workers = [start('dispatcher'), start('consumer:fault')];
  await Promise.all(workers.map((worker) => worker.ready));
  await drained();
  await Promise.all(workers.map((worker) => worker.stop()));
}

/** The invariant: each emitted event published once, delivered and acked once, handled once, nothing else. */
async function expectExactlyOnce(emitted: string[]) {
  const rows = await rowsOf<{
    event_id: string;
    published: boolean;
    publishes: number;
    deliveries: number;
    acked: number;
    effects: number;
    receipts: number;
  }>(sql`
    select e.event_id, e.published_at is not null as published,
           (select count(*)::int from fault_publishes p where p.event_id = e.event_id) as publishes,
           (select count(*)::int from event_deliveries d where d.event_id = e.event_id) as deliveries,
           (select count(*)::int from event_deliveries d where d.event_id = e.event_id and d.acked_at is not null) as acked,
           (select count(*)::int from fault_effects f where f.event_id = e.event_id) as effects,
           (select count(*)::int from consumer_receipts r where r.event_id = e.event_id and r.consumer = 'fault') as receipts
    from outbox_events e`);
  expect(rows.map((row) => row.event_id).sort()).toEqual([...emitted].sort());
  const wrong = rows.filter(
    (row) =>
      !row.published ||
      row.publishes !== 1 ||
      row.deliveries !== 1 ||
      row.acked !== 1 ||
      row.effects !== 1 ||
      row.receipts !== 1,
  );
  expect(wrong).toEqual([]);
  const [strays] = await rowsOf<{ effects: number; publishes: number; letters: number }>(sql`
    select (select count(*)::int from fault_effects where event_id not in (select event_id from outbox_events)) as effects,
           (select count(*)::int from fault_publishes where event_id not in (select event_id from outbox_events)) as publishes,
           (select count(*)::int from outbox_dlq) as letters`);
  expect(strays).toEqual({ effects: 0, publishes: 0, letters: 0 });
}

/** Handler runs that did not commit: each one is a transaction a kill rolled back mid-handling. */
const rolledBackRuns = async () =>
  (
    await rowsOf<{ n: number }>(
      sql`select ((select count(*) from fault_handler_runs) - (select count(*) from fault_effects))::int as n`,
    )
  )[0]?.n ?? 0;

describe('worker processes killed at random moments', () => {
  it(`publish and handle every event exactly once across ${PAIR_CYCLES} SIGKILL/restart cycles of both`, async () => {
    const emitted = await emitEvents(200);
    for (let cycle = 0; cycle < PAIR_CYCLES; cycle++) {
      const workers = [start('dispatcher'), start('consumer:fault')];
      await Promise.all(workers.map((worker) => worker.ready));
      // New events keep arriving while the workers run; each worker dies at its own random moment.
      const [more] = await Promise.all([
        emitEvents(10),
        ...workers.map(async (worker) => {
          await sleep(randomBetween(50, 400));
          await kill(worker);
        }),
      ]);
      emitted.push(...(more ?? []));
      stats.killRestarts++;
    }
    const interrupted = await rolledBackRuns();
    const drainStarted = Date.now();
    await drain();
    await expectExactlyOnce(emitted);
    console.info(
      `kill/restart: ${emitted.length} events, ${interrupted} handler runs rolled back by a kill, drained in ${Date.now() - drainStarted} ms`,
    );
  }, 600_000);

  it('two dispatchers and two consumers running at once, with kills among them, double nothing', async () => {
    const fleet = [start('dispatcher'), start('dispatcher'), start('consumer:fault'), start('consumer:fault')];
    await Promise.all(fleet.map((worker) => worker.ready));
    const emitted: string[] = [];
    for (let burst = 0; burst < 15; burst++) {
      emitted.push(...(await emitEvents(10)));
      await sleep(randomBetween(10, 60));
    }
    for (let round = 0; round < SINGLE_KILLS; round++) {
      const index = randomBetween(0, fleet.length - 1);
      const victim = fleet[index];
      if (!victim) continue;
      const [more] = await Promise.all([emitEvents(15), sleep(randomBetween(50, 400)).then(() => kill(victim))]);
      emitted.push(...(more ?? []));
      const replacement = start(victim.name);
      fleet[index] = replacement;
      await replacement.ready;
      stats.killRestarts++;
    }
    await drained();
    await Promise.all(fleet.map((worker) => worker.stop()));
    const all = (await rowsOf<{ event_id: string }>(sql`select event_id from outbox_events`)).map(
      (row) => row.event_id,
    );
    expect(all).toEqual(expect.arrayContaining(emitted));
    await expectExactlyOnce(all);
    const mine = new Set(emitted);
    const pidsOf = async (table: 'fault_publishes' | 'fault_effects') =>
      new Set(
        (await rowsOf<{ event_id: string; pid: number }>(sql`select event_id, pid from ${sql.identifier(table)}`))
          .filter((row) => mine.has(row.event_id))
          .map((row) => row.pid),
      ).size;
    console.info(
      `concurrent: ${emitted.length} events, ${await pidsOf('fault_publishes')} publishing and ${await pidsOf('fault_effects')} handling processes`,
    );
  }, 600_000);
});

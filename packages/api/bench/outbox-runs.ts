import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type { AppDeps } from '../src/deps';
import { emit } from '../src/events/emit';
import { consumerLoop, dispatcherLoop } from '../src/loops/eventing';
import { runLoops } from '../src/loops/runner';
import type { OutboxBench } from './outbox-setup';

const TX_SIZE = 100;
const memberJoined = () => {
  const storeId = randomUUID();
  return {
    type: 'member_joined' as const,
    aggregateId: storeId,
    data: { store_id: storeId, user_id: randomUUID(), member_name: 'Bench Member', role: 'staff' },
    occurredAt: new Date(),
  };
};
/** A row the size of a real outbox payload, for the plain-INSERT baseline. */
const envelopeLike = () => ({
  version: 1,
  eventId: randomUUID(),
  occurredAt: new Date().toISOString(),
  data: memberJoined().data,
});

const withBatchSize = (deps: AppDeps, size: number): AppDeps => ({
  ...deps,
  eventing: { ...deps.eventing, batchSize: size, consumerBatchSize: size },
});

/** Runs the dispatcher and the bench consumer loops (as one worker process would) while `work` runs. */
async function withWorker<T>(bench: OutboxBench, deps: AppDeps, work: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const loops = runLoops(deps, [dispatcherLoop, consumerLoop(bench.benchConsumer)], controller.signal);
  try {
    return await work();
  } finally {
    controller.abort();
    await loops;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await sleep(10);
  return condition();
}

export interface ThroughputResult {
  batchSize: number;
  events: number;
  emitted: number;
  emitPerSecond: number;
  drainPerSecond: number;
  endToEndPerSecond: number;
  finished: boolean;
}

/**
 * Emit up to `target` events in transactions of 100 (stopping early after `timeoutMs`), then run the worker
 * until every emitted event's effect has committed (or `timeoutMs` passes).
 */
export async function measureThroughput(bench: OutboxBench, batchSize: number, target: number, timeoutMs: number) {
  await bench.reset();
  const db = bench.webDb;
  const emitStart = performance.now();
  let events = 0;
  while (events < target && performance.now() - emitStart < timeoutMs) {
    const size = Math.min(TX_SIZE, target - events);
    await db.transaction(async (tx) => {
      for (let i = 0; i < size; i++) await emit(tx, memberJoined());
    });
    events += size;
  }
  const emitSeconds = (performance.now() - emitStart) / 1000;
  const drainStart = performance.now();
  const finished = await withWorker(bench, withBatchSize(bench.deps, batchSize), () =>
    waitFor(() => bench.consumedAt.size >= events, timeoutMs),
  );
  const drainSeconds = (performance.now() - drainStart) / 1000;
  const consumed = bench.consumedAt.size;
  return {
    batchSize,
    events: consumed,
    emitted: events,
    emitPerSecond: events / emitSeconds,
    drainPerSecond: consumed / drainSeconds,
    endToEndPerSecond: consumed / (emitSeconds + drainSeconds),
    finished,
  } satisfies ThroughputResult;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** One event per transaction on a timer at `rate`/s for `seconds`; latency = effect commit − emit commit. */
export async function measureLatency(bench: OutboxBench, rate: number, seconds: number) {
  await bench.reset();
  const committedAt = new Map<string, number>();
  const db = bench.webDb;
  return withWorker(bench, bench.deps, async () => {
    const inflight = new Set<Promise<void>>();
    const start = performance.now();
    let sent = 0;
    while (performance.now() - start < seconds * 1000) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      for (; sent < due; sent++) {
        const emitted = db
          .transaction((tx) => emit(tx, memberJoined()))
          .then(({ eventId }) => void committedAt.set(eventId, performance.now()));
        inflight.add(emitted);
        void emitted.finally(() => inflight.delete(emitted));
      }
      await sleep(1);
    }
    await Promise.all(inflight);
    const offeredPerSecond = sent / ((performance.now() - start) / 1000);
    const finished = await waitFor(() => bench.consumedAt.size >= sent, 15_000);
    const latencies = [...committedAt]
      .map(([eventId, at]) => (bench.consumedAt.get(eventId) ?? Number.NaN) - at)
      .filter((value) => Number.isFinite(value))
      .sort((a, b) => a - b);
    return {
      sent,
      offeredPerSecond,
      finished,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? Number.NaN,
    };
  });
}

/** Baseline: single-row INSERTs of an outbox-sized row into a plain table, in transactions of 100. */
export async function measurePlainInsert(bench: OutboxBench, target: number, timeoutMs: number) {
  await bench.reset();
  const start = performance.now();
  let rows = 0;
  while (rows < target && performance.now() - start < timeoutMs) {
    const size = Math.min(TX_SIZE, target - rows);
    rows += size;
    await bench.webDb.transaction(async (tx) => {
      for (let i = 0; i < size; i++) {
        const payload = envelopeLike();
        await tx.execute(sql`insert into bench_plain (event_id, event_type, aggregate_type, aggregate_id, payload)
          values (${payload.eventId}, 'member_joined', 'store', ${payload.data.store_id}, ${JSON.stringify(payload)}::jsonb)`);
      }
    });
  }
  return rows / ((performance.now() - start) / 1000);
}

/** Baseline: the bare claim loop (SELECT … FOR UPDATE SKIP LOCKED + UPDATE, one transaction per batch). */
export async function measureClaimLoop(bench: OutboxBench, batchSize: number, rows: number, timeoutMs: number) {
  await bench.reset();
  const { db } = bench.deps;
  await db.execute(sql`insert into bench_queue (payload)
    select jsonb_build_object('n', n, 'eventId', gen_random_uuid()) from generate_series(1, ${rows}) as n`);
  await db.execute(sql.raw('analyze bench_queue'));
  const start = performance.now();
  let claimed = 0;
  while (claimed < rows && performance.now() - start < timeoutMs) {
    claimed += await db.transaction(async (tx) => {
      const batch = (await tx.execute(sql`select id from bench_queue where processed_at is null
        order by id limit ${batchSize} for update skip locked`)) as unknown as { id: string }[];
      const ids = batch.map((row) => row.id);
      if (ids.length > 0) {
        const list = sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        );
        await tx.execute(sql`update bench_queue set processed_at = now() where id in (${list})`);
      }
      return ids.length;
    });
  }
  return claimed / ((performance.now() - start) / 1000);
}

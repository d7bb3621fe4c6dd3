import { availableParallelism } from 'node:os';
import {
  measureClaimLoop,
  measureLatency,
  measurePlainInsert,
  measureThroughput,
  type ThroughputResult,
} from './outbox-runs';
import { type OutboxBench, startOutboxBench } from './outbox-setup';

/**
 * `pnpm bench:outbox`: the eventing pipeline (emit → outbox → dispatcher → embedded transport → consumer
 * with one effect row per event) on a fresh PostgreSQL database of its own, dropped at the end.
 * - Throughput per dispatcher/consumer batch size: emit N events in transactions of 100, then run the
 *   dispatcher and consumer loops in this process (one worker) until every effect has committed. Run twice
 *   for batches > 1: the consumer's effect as one INSERT per event (`handle`), then one per batch
 *   (`handleBatch`), which shows how much of the drain the per-event statement costs.
 * - Latency at a steady offered load: one event per transaction on a timer; effect commit − emit commit.
 * - Same-run baselines: single-row INSERTs into a plain table of the same shape (vs emit), and the bare
 *   SELECT … FOR UPDATE SKIP LOCKED + UPDATE claim loop at each batch size (vs the worker's drain rate;
 *   the pipeline runs two such claims per event, dispatcher and consumer, plus its writes).
 * Goals: ≥ 5,000 events/s per worker (drain at batch 500) and p95 ≤ 1 s at 200 events/s.
 * Settings: BENCH_OUTBOX_EVENTS (20000), BENCH_OUTBOX_EVENTS_BATCH1 (2000: batch size 1 is slow by
 * design), BENCH_LATENCY_RATE (200), BENCH_LATENCY_SECONDS (10), BENCH_DATABASE_URL (admin URL).
 */
const GOAL_EVENTS_PER_SECOND = 5_000;
const GOAL_P95_MS = 1_000;
/** Caps per phase, so the whole bench stays under ~4 minutes even on a busy machine. */
const PHASE_TIMEOUT_MS = 18_000;
const BASELINE_TIMEOUT_MS = 6_000;
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const events = Math.round(setting('BENCH_OUTBOX_EVENTS', 20_000));
const eventsAtBatch1 = Math.round(setting('BENCH_OUTBOX_EVENTS_BATCH1', 2_000));
const rate = setting('BENCH_LATENCY_RATE', 200);
const latencySeconds = setting('BENCH_LATENCY_SECONDS', 10);
const BATCH_SIZES = [1, 100, 500];

const n = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a';
const cell = (text: string, width = 16) => text.padStart(width);
const line = (label: string, values: string[]) =>
  console.log(`${label.padEnd(44)}${values.map((v) => cell(v)).join('')}`);
const verdict = (met: boolean) => (met ? 'MET' : 'NOT MET');

let bench: OutboxBench | undefined;
let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.error('\ninterrupted: finishing the current step, then cleaning up');
});
/** Progress on stderr, so the report on stdout stays clean; stops before the next step after Ctrl-C. */
const step = (what: string) => {
  if (interrupted) throw new Error('interrupted');
  console.error(`… ${what}`);
};

async function main() {
  const started = performance.now();
  bench = await startOutboxBench();
  console.log(
    `outbox bench: PostgreSQL, embedded transport, one worker process (dispatcher + consumer loops), ` +
      `${availableParallelism()} CPUs, N=${n(events)} (batch 1: ${n(eventsAtBatch1)}), emit in transactions of 100\n`,
  );

  const runs: ThroughputResult[] = [];
  const batchHandlerRuns: (ThroughputResult | undefined)[] = [];
  const claims: number[] = [];
  for (const size of BATCH_SIZES) {
    const count = size === 1 ? eventsAtBatch1 : events;
    step(`throughput, batch size ${size}`);
    runs.push(await measureThroughput(bench, size, count, PHASE_TIMEOUT_MS));
    // A batch of one takes the single-message path, where handleBatch plays no part.
    if (size > 1) {
      step(`throughput with a batch handler, batch size ${size}`);
      bench.useBatchHandler(true);
      batchHandlerRuns.push(await measureThroughput(bench, size, count, PHASE_TIMEOUT_MS));
      bench.useBatchHandler(false);
    } else batchHandlerRuns.push(undefined);
    step(`claim-loop baseline, batch size ${size}`);
    claims.push(await measureClaimLoop(bench, size, count, BASELINE_TIMEOUT_MS));
  }
  step('plain INSERT baseline');
  const plain = await measurePlainInsert(bench, events, BASELINE_TIMEOUT_MS);
  step(`latency at ${rate} events/s`);
  const latency = await measureLatency(bench, rate, latencySeconds);

  line('batch size (OUTBOX_/CONSUMER_BATCH_SIZE)', BATCH_SIZES.map(String));
  line(
    'events emitted / consumed',
    runs.map((r) => `${n(r.emitted)}/${n(r.events)}${r.finished ? '' : '*'}`),
  );
  line(
    'emit, tx of 100 (events/s)',
    runs.map((r) => n(r.emitPerSecond)),
  );
  line(
    'worker drain: dispatch+consume (events/s)',
    runs.map((r) => n(r.drainPerSecond)),
  );
  line(
    'same, one INSERT per batch (handleBatch)',
    batchHandlerRuns.map((r) => (r ? `${n(r.drainPerSecond)}${r.finished ? '' : '*'}` : 'n/a')),
  );
  line(
    'end to end: emit then drain (events/s)',
    runs.map((r) => n(r.endToEndPerSecond)),
  );
  line(
    'baseline: bare SKIP LOCKED claim loop (rows/s)',
    claims.map((c) => n(c)),
  );
  line(
    'drain / bare claim loop',
    runs.map((r, i) => `${n((100 * r.drainPerSecond) / (claims[i] ?? 1), 1)} %`),
  );
  line(
    'emit / plain INSERT',
    runs.map((r) => `${n((100 * r.emitPerSecond) / plain, 1)} %`),
  );
  console.log(`baseline: plain single-row INSERT, tx of 100: ${n(plain)} rows/s`);
  const all = [...runs, ...batchHandlerRuns.filter((r) => r !== undefined)];
  if (all.some((r) => !r.finished || r.emitted < (r.batchSize === 1 ? eventsAtBatch1 : events))) {
    console.log(`(each phase is capped at ${PHASE_TIMEOUT_MS / 1000} s; * = not drained in time; rates over what ran)`);
  }
  console.log(
    `\nlatency, emit commit → consumer effect commit, ${n(latency.sent)} events offered at ` +
      `${n(latency.offeredPerSecond, 1)}/s for ${latencySeconds} s (default batch sizes ` +
      `${bench.deps.eventing.batchSize}/${bench.deps.eventing.consumerBatchSize}):` +
      `\n  p50 ${n(latency.p50, 1)} ms   p95 ${n(latency.p95, 1)} ms   p99 ${n(latency.p99, 1)} ms   ` +
      `max ${n(latency.max, 1)} ms${latency.finished ? '' : '   (NOT all consumed)'}`,
  );
  const best = runs.at(-1);
  const bestBatched = batchHandlerRuns.at(-1);
  const throughputMet = (best?.drainPerSecond ?? 0) >= GOAL_EVENTS_PER_SECOND && Boolean(best?.finished);
  const latencyMet = latency.finished && latency.p95 <= GOAL_P95_MS;
  console.log(
    `\ngoal: worker drain ≥ ${n(GOAL_EVENTS_PER_SECOND)} events/s at batch 500: ${n(best?.drainPerSecond ?? 0)} → ${verdict(throughputMet)}` +
      ` (one INSERT per batch: ${n(bestBatched?.drainPerSecond ?? 0)})` +
      `\ngoal: p95 ≤ ${n(GOAL_P95_MS)} ms at ${n(rate)} events/s: ${n(latency.p95, 1)} ms → ${verdict(latencyMet)}` +
      `\ntotal bench time ${n((performance.now() - started) / 1000, 1)} s`,
  );
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await bench?.close();
}

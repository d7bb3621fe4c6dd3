import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createEmbeddedTransport, createMemoryKeyValueStore } from '@pf/adapters';
import { createPostgresDb } from '@pf/db';
import type { EventTransport } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import type { AppDeps } from '../src/deps';
import { bindingFor, type Consumer } from '../src/events/consumer';
import { createLogger } from '../src/logger';
import { createRuntime } from '../src/runtime';

const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function onAdmin(statement: string) {
  const admin = createPostgresDb({ url: adminUrl(), maxConnections: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/** Tables the bench writes besides the app's own: the consumer's effect and the two baselines. */
const BENCH_TABLES = `
  create table bench_effects (event_id uuid primary key, created_at timestamptz not null default now());
  create table bench_plain (
    id uuid primary key default gen_random_uuid(), event_id uuid not null, event_type text not null,
    aggregate_type text not null, aggregate_id text not null, payload jsonb not null,
    created_at timestamptz not null default now());
  create table bench_queue (id bigserial primary key, payload jsonb not null, processed_at timestamptz);
  create index bench_queue_ready_idx on bench_queue (id) where processed_at is null;`;

/**
 * A fresh, migrated database of its own and the production runtime over it (the worker's side; events are
 * emitted through a second pool, as the web process would), with the embedded transport bound to one bench
 * consumer whose handler writes one effect row per event in its transaction (one INSERT per event, or one
 * per batch with `useBatchHandler(true)`). The transport is wrapped to stamp each event when the receive
 * call that handled it has committed.
 */
export async function startOutboxBench() {
  const name = `pf_bench_outbox_${randomBytes(6).toString('hex')}`;
  await onAdmin(`create database ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  const handle = createPostgresDb({ url: url.toString() });
  // Events are emitted by web requests: their own pool, so emitting never queues the worker's queries.
  const web = createPostgresDb({ url: url.toString() });
  const drop = async () => {
    await web.close().catch(() => undefined);
    await handle.close().catch(() => undefined);
    await onAdmin(`drop database if exists ${name} with (force)`);
  };
  try {
    await handle.migrate();
    await handle.db.execute(sql.raw(BENCH_TABLES));
  } catch (error) {
    await drop();
    throw error;
  }

  const consumedAt = new Map<string, number>();
  let pending: string[] = [];
  const benchConsumer: Consumer = {
    name: 'bench',
    handles: ['member_joined'],
    async handle(tx, event) {
      await tx.execute(sql`insert into bench_effects (event_id) values (${event.envelope.eventId})`);
      pending.push(event.envelope.eventId);
    },
  };
  /** The same effect as `handle` with one INSERT per batch: the optional Consumer.handleBatch. */
  const handleBatch: NonNullable<Consumer['handleBatch']> = async (tx, events) => {
    const ids = events.map((event) => event.envelope.eventId);
    await tx.execute(sql`insert into bench_effects (event_id) select unnest(${`{${ids.join(',')}}`}::uuid[])`);
    pending.push(...ids);
  };
  const embedded = createEmbeddedTransport(handle.db, [bindingFor(benchConsumer)]);
  /** Runs a receive call and stamps the events it handled once its transaction has committed. */
  const stamped = async (receive: () => Promise<number>) => {
    try {
      const handled = await receive();
      const now = performance.now();
      for (const eventId of pending) consumedAt.set(eventId, now);
      return handled;
    } finally {
      pending = [];
    }
  };
  const transport: EventTransport = {
    ...embedded,
    receive: (subscription, max, process) => stamped(() => embedded.receive(subscription, max, process)),
    receiveBatch: (subscription, max, process) =>
      stamped(() => embedded.receiveBatch?.(subscription, max, process) ?? Promise.resolve(0)),
  };

  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: url.toString(),
    AUTH_SECRET: 'bench-secret-that-is-long-enough-for-hs256-signing',
  });
  const runtime = await createRuntime(config, {
    dbHandle: { ...handle, close: async () => {} },
    kv: createMemoryKeyValueStore(),
    logger: createLogger('silent'),
    transport,
  });
  const deps: AppDeps = runtime.deps;

  return {
    deps,
    /** The "web process" connection pool that emits events. */
    webDb: web.db,
    benchConsumer,
    consumedAt,
    /** Whether the bench consumer writes its effect rows one statement per event or one per batch. */
    useBatchHandler(on: boolean) {
      if (on) benchConsumer.handleBatch = handleBatch;
      else delete benchConsumer.handleBatch;
    },
    /** Empties everything a run wrote, so each run starts from the same state. */
    async reset() {
      await handle.db.execute(
        sql.raw('truncate outbox_events, event_deliveries, consumer_receipts, bench_effects, bench_plain, bench_queue'),
      );
      consumedAt.clear();
    },
    async close() {
      await runtime.close().catch(() => undefined);
      await drop();
    },
  };
}
export type OutboxBench = Awaited<ReturnType<typeof startOutboxBench>>;

/**
 * A real worker process for the fault tests (test/fault.test.ts), which bundles it and SIGKILLs it at random
 * moments. It runs the production loops (`dispatcherLoop`, `consumerLoop`) over `createRuntime`, with one
 * test consumer, `fault`, whose effect row is written in the handler's transaction, and a transport that
 * logs every publish in the dispatcher's transaction — so a committed double shows up as a second row.
 *
 *   node --import tsx test/fault/worker-process.ts --only dispatcher,consumer:fault
 *
 * It expects the tables fault_effects, fault_publishes and fault_handler_runs (event_id uuid, pid int), made by
 * the test without unique keys so that doubles are visible.
 * Environment: DATABASE_URL, REDIS_URL, APP_ENV, AUTH_SECRET and the eventing settings, as any worker;
 * FAULT_WORK_MS: simulated work (ms) per handled event and per publish, which widens the windows a kill
 * can land in. Prints `ready` once connected.
 */
import { parseArgs } from 'node:util';
import { createEmbeddedTransport } from '@pf/adapters';
import { createPostgresDb, type Transaction } from '@pf/db';
import type { EventTransport } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../src/config';
import { bindingFor, type Consumer } from '../../src/events/consumer';
import { createLogger } from '../../src/logger';
import { consumerLoop, dispatcherLoop } from '../../src/loops/eventing';
import { runLoops, selectLoops } from '../../src/loops/runner';
import { createRuntime } from '../../src/runtime';

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const config = loadConfig(process.env);
const workSeconds = Number(process.env.FAULT_WORK_MS ?? '0') / 1000;
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
const dbHandle = createPostgresDb({ url: config.DATABASE_URL, maxConnections: 4 });
const { db } = dbHandle;

const faultConsumer: Consumer = {
  name: 'fault',
  handles: ['member_joined'],
  async handle(tx, event) {
    // Outside the transaction (autocommit): survives a kill, so the test can tell a run was rolled back.
    await db.execute(
      sql`insert into fault_handler_runs (event_id, pid) values (${event.envelope.eventId}, ${process.pid})`,
    );
    await tx.execute(sql`insert into fault_effects (event_id, pid) values (${event.envelope.eventId}, ${process.pid})`);
    if (workSeconds > 0) await tx.execute(sql`select pg_sleep(${workSeconds})`);
  },
};

const embedded = createEmbeddedTransport(db, [bindingFor(faultConsumer)]);
const transport: EventTransport = {
  ...embedded,
  async publish(topic, messages, tx) {
    await embedded.publish(topic, messages, tx);
    const target = (tx as Transaction | undefined) ?? db;
    const rows = messages.map((message) => sql`(${message.eventId}::uuid, ${process.pid})`);
    if (rows.length > 0)
      await target.execute(sql`insert into fault_publishes (event_id, pid) values ${sql.join(rows, sql`, `)}`);
    // A broker round trip, inside the claim transaction.
    if (workSeconds > 0) await target.execute(sql`select pg_sleep(${workSeconds})`);
  },
};

const runtime = await createRuntime(config, { dbHandle, transport, logger: createLogger(config.LOG_LEVEL) });
const loops = selectLoops([dispatcherLoop, consumerLoop(faultConsumer)], values.only?.split(','));
await db.execute(sql`select 1`);

const controller = new AbortController();
process.once('SIGTERM', () => controller.abort());
process.once('SIGINT', () => controller.abort());
process.stdout.write('ready\n');
await runLoops(runtime.deps, loops, controller.signal);
await runtime.close();

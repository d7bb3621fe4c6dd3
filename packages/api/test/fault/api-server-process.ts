/**
 * A real API server process for the crash tests (test/idempotency-crash.test.ts, test/checkout-crash.test.ts):
 * the app router over tRPC's node HTTP adapter on PostgreSQL and Redis, as the web app serves it.
 *
 * It SIGKILLs itself inside an idempotent transaction, just before or just after the commit, so the answer
 * never leaves the process: at the first one with FAULT_KILL_AT=before|after, or at the next one once armed
 * by a signal (SIGUSR1: after the commit, SIGUSR2: before it), which lets a supervisor pick the moment under
 * load. It prints `fault <moment>` first (stdout to a pipe is synchronous on Linux), so the supervisor can
 * tell its own kill from one the hook made.
 *
 * Environment: DATABASE_URL, REDIS_URL, APP_ENV, AUTH_SECRET (and any other setting), FAULT_KILL_AT.
 * Prints `listening <url>` and then `ready`.
 */
import { createPostgresDb } from '@pf/db';
import { startTrpcServer } from '../../bench/servers';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createAppRouter } from '../../src/routers/root';
import { createRuntime } from '../../src/runtime';
import { createContextFactory } from '../../src/trpc/context';

const config = loadConfig(process.env);
if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
let killAt = process.env.FAULT_KILL_AT;
process.on('SIGUSR1', () => {
  killAt = 'after';
});
process.on('SIGUSR2', () => {
  killAt = 'before';
});

const runtime = await createRuntime(config, {
  dbHandle: createPostgresDb({ url: config.DATABASE_URL, maxConnections: Number(process.env.DB_POOL ?? 4) }),
  logger: createLogger(config.LOG_LEVEL),
});
runtime.deps.faults = {
  atIdempotentCommit(moment) {
    if (moment !== killAt) return;
    process.stdout.write(`fault ${moment}\n`);
    // No handler runs and nothing is flushed: the process is simply gone, mid-request.
    process.kill(process.pid, 'SIGKILL');
  },
};
const server = await startTrpcServer(createAppRouter({ devAdminRegister: false }), createContextFactory(runtime.deps));

const stop = async () => {
  await server.close();
  await runtime.close();
};
process.once('SIGTERM', () => void stop());
process.stdout.write(`listening ${server.url}\nready\n`);

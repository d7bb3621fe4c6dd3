/**
 * A real API server process for the crash tests (test/idempotency-crash.test.ts): the app router over tRPC's
 * node HTTP adapter on PostgreSQL and Redis, as the web app serves it. With FAULT_KILL_AT=before|after it
 * SIGKILLs itself inside its first idempotent transaction, just before or just after the commit, so the
 * answer never leaves the process.
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
const killAt = process.env.FAULT_KILL_AT;

const runtime = await createRuntime(config, {
  dbHandle: createPostgresDb({ url: config.DATABASE_URL, maxConnections: 4 }),
  logger: createLogger(config.LOG_LEVEL),
});
runtime.deps.faults = {
  atIdempotentCommit(moment) {
    // No handler runs and nothing is flushed: the process is simply gone, mid-request.
    if (moment === killAt) process.kill(process.pid, 'SIGKILL');
  },
};
const server = await startTrpcServer(createAppRouter({ devAdminRegister: false }), createContextFactory(runtime.deps));

const stop = async () => {
  await server.close();
  await runtime.close();
};
process.once('SIGTERM', () => void stop());
process.stdout.write(`listening ${server.url}\nready\n`);

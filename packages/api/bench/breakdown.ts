import { performance } from 'node:perf_hooks';
import { loadPrincipal, storeMemberships, stores, users } from '@pf/db';
import { and, eq, sql } from 'drizzle-orm';
import { getMe } from '../src/services/auth/get-me';
import { createCallerFactory } from '../src/trpc/init';
import { resolvePrincipal } from '../src/trpc/principal';
import type { BenchApp } from './app';
import { cpuDelta, cpuSnapshot } from './cpu';

/** Runs `fn` from `concurrency` loops for `ms`; ops/s plus CPU per op of this process and of Postgres. */
async function measure(fn: () => Promise<unknown>, database: string, concurrency: number, ms: number) {
  for (let i = 0; i < 50; i += 1) await fn();
  const until = performance.now() + ms;
  const cpu = process.cpuUsage();
  const others = cpuSnapshot(database);
  const started = performance.now();
  let ops = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await fn();
        ops += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const { postgresMs } = cpuDelta(others, cpuSnapshot(database));
  return {
    opsPerSecond: ops / elapsed,
    cpuMsPerOp: (used.user + used.system) / 1000 / ops,
    pgMsPerOp: postgresMs / ops,
  };
}

/**
 * The query of `loadPrincipal` as a named prepared statement. Plain drizzle queries go to postgres-js with
 * `prepare: false`: every call is Parse/Describe, wait, Bind/Execute (two round trips) and a fresh plan.
 */
function preparedLoadPrincipal(app: BenchApp) {
  return app.deps.db
    .select({ id: users.id, isActive: users.isActive, storeId: stores.id, role: storeMemberships.role })
    .from(users)
    .leftJoin(
      storeMemberships,
      and(
        eq(storeMemberships.userId, users.id),
        eq(storeMemberships.storeId, sql.placeholder('storeId')),
        eq(storeMemberships.status, 'active'),
      ),
    )
    .leftJoin(stores, eq(stores.id, storeMemberships.storeId))
    .where(eq(users.id, sql.placeholder('userId')))
    .limit(1)
    .prepare('bench_load_principal');
}

/**
 * BENCH_BREAKDOWN=1: the pieces of one authenticated `auth.me` call, each alone in this process at the same
 * concurrency, no HTTP. Shows which step caps the throughput (ops/s) and what each costs in CPU.
 */
export async function printBreakdown(app: BenchApp, token: string, concurrency: number, ms: number) {
  const { deps } = app;
  const claim = await deps.tokens.verify(token);
  const record = await deps.sessions.get(claim.sessionId);
  if (!record) throw new Error('bench session vanished');
  const headers = new Headers({ authorization: `Bearer ${token}` });
  const context = () => app.createContext({ headers, resHeaders: new Headers() });
  const principal = await resolvePrincipal(context());
  const caller = () => createCallerFactory(app.router)(context());
  const histogram = deps.metrics.requestDuration;
  const prepared = preparedLoadPrincipal(app);
  const steps: [string, () => Promise<unknown>][] = [
    ['jose verify (HS256)', () => deps.tokens.verify(token)],
    ['redis GET session', () => deps.sessions.get(claim.sessionId)],
    ['postgres select 1 (no params)', () => deps.db.execute(sql`select 1`)],
    ['loadPrincipal (1 query)', () => loadPrincipal(deps.db, record.userId, record.storeId)],
    ['same query, prepared statement', () => prepared.execute({ userId: record.userId, storeId: record.storeId })],
    ['resolvePrincipal (jwt+redis+db)', () => resolvePrincipal(context())],
    ['getMe (2 queries)', () => getMe(deps, principal)],
    ['prom-client observe', async () => histogram.observe({ procedure: 'x', type: 'query', outcome: 'ok' }, 0.01)],
    ['caller system.ping', () => caller().system.ping()],
    ['caller auth.me (no HTTP)', () => caller().auth.me()],
  ];
  console.log(`\nBreakdown: each step alone, ${concurrency} concurrent loops, ${ms} ms each, in the bench process`);
  console.log(`${'step'.padEnd(34)}    ops/s  CPU ms/op: node  postgres`);
  for (const [name, run] of steps) {
    const result = await measure(run, app.database, concurrency, ms);
    console.log(
      name.padEnd(34) +
        `${result.opsPerSecond.toFixed(0).padStart(9)}${result.cpuMsPerOp.toFixed(3).padStart(17)}` +
        result.pgMsPerOp.toFixed(3).padStart(10),
    );
  }
}

import { randomUUID } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { TOKEN_HEADER } from '../src/routers/tokens';
import { registerInputFor } from '../src/testing';
import { startBenchApp } from './app';
import { printBreakdown } from './breakdown';
import { type LoadOptions, runLoad } from './load';
import { HEADER, LEGEND, reportErrors, row, warnIfBusy } from './report';
import { startBareServer, startDirectServer, startTrpcServer } from './servers';

/**
 * `pnpm bench:api`: GET /auth.me (a bearer-authenticated query) through the real tRPC stack over HTTP,
 * against a bare node http server returning the same bytes, measured one after the other in this run.
 * Goal: tRPC throughput at least 60 % of the bare server's.
 * Settings: BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (2), BENCH_CONNECTIONS (50). BENCH_BREAKDOWN=1 adds two
 * HTTP runs (the same auth.me work from a plain node handler without tRPC; tRPC's public `system.ping`)
 * and a per-step breakdown of auth.me inside this process (breakdown.ts).
 */
const GOAL_PERCENT = 60;
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const seconds = setting('BENCH_SECONDS', 10);
const warmupSeconds = setting('BENCH_WARMUP_SECONDS', 2);
const connections = Math.round(setting('BENCH_CONNECTIONS', 50));
const breakdown = process.env.BENCH_BREAKDOWN === '1';

async function expectOk(response: Response, what: string) {
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${what} answered ${response.status}: ${body.slice(0, 500)}`);
  return body;
}

let interrupted = false;
/** After Ctrl-C: stop before the next step and clean up. */
const checkpoint = () => {
  if (interrupted) throw new Error('interrupted');
};

async function main() {
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const app = await startBenchApp();
    checkpoint();
    cleanups.push(app.close);
    const trpc = await startTrpcServer(app.router, app.createContext);
    cleanups.push(trpc.close);

    const registered = await fetch(`${trpc.url}/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(registerInputFor()),
    });
    await expectOk(registered, 'auth.register');
    const token = registered.headers.get(TOKEN_HEADER);
    if (!token) throw new Error(`auth.register delivered no ${TOKEN_HEADER} header`);
    const headers = { authorization: `Bearer ${token}` };
    cleanups.push(() => fetch(`${trpc.url}/auth.logout`, { method: 'POST', headers }).then((r) => r.text()));

    const meBody = await expectOk(await fetch(`${trpc.url}/auth.me`, { headers }), 'auth.me');
    const bare = await startBareServer(meBody);
    cleanups.push(bare.close);

    const expectedBodyBytes = Buffer.byteLength(meBody);
    const load: Omit<LoadOptions, 'url'> = {
      headers,
      connections,
      warmupMs: warmupSeconds * 1000,
      durationMs: seconds * 1000,
      expectedBodyBytes,
    };
    console.log(
      `GET /auth.me, ${connections} keep-alive connections, ${warmupSeconds} s warm-up + ${seconds} s measured per ` +
        `server, one after the other (node ${process.version}, ${availableParallelism()} CPUs, database ` +
        `${app.database}, ${expectedBodyBytes}-byte body)`,
    );
    checkpoint();
    const bareResult = await runLoad({ ...load, url: `${bare.url}/auth.me` }, app.database);
    checkpoint();
    const trpcResult = await runLoad({ ...load, url: `${trpc.url}/auth.me` }, app.database);

    console.log(`\n${HEADER}`);
    console.log(row('bare node http', bareResult));
    console.log(row('tRPC auth.me', trpcResult));
    const ratio = (100 * trpcResult.requestsPerSecond) / bareResult.requestsPerSecond;
    const verdict = ratio >= GOAL_PERCENT ? 'meets the goal' : 'BELOW the goal';
    console.log(`\ntRPC / bare throughput: ${ratio.toFixed(1)} % (goal >= ${GOAL_PERCENT} %: ${verdict})`);
    console.log(LEGEND);
    reportErrors('bare', bareResult);
    reportErrors('tRPC', trpcResult);
    warnIfBusy('bare', bareResult);
    warnIfBusy('tRPC', trpcResult);
    if (!breakdown) return;
    checkpoint();

    const direct = await startDirectServer(app.createContext);
    cleanups.push(direct.close);
    const directResult = await runLoad({ ...load, url: `${direct.url}/auth.me` }, app.database);
    const pingBody = await expectOk(await fetch(`${trpc.url}/system.ping`), 'system.ping');
    const pingUrl = `${trpc.url}/system.ping`;
    const pingResult = await runLoad(
      { ...load, url: pingUrl, expectedBodyBytes: Buffer.byteLength(pingBody) },
      app.database,
    );
    console.log(`\nBreakdown over HTTP (same settings, measured after the runs above):\n${HEADER}`);
    console.log(row('auth.me work, no tRPC', directResult));
    console.log(row('tRPC system.ping', pingResult));
    for (const [name, result] of [
      ['auth.me work, no tRPC', directResult],
      ['tRPC system.ping', pingResult],
    ] as const) {
      const share = (100 * result.requestsPerSecond) / bareResult.requestsPerSecond;
      console.log(`${name}: ${share.toFixed(1)} % of bare`);
      reportErrors(name, result);
      warnIfBusy(name, result);
    }
    checkpoint();
    await printBreakdown(app, token, connections, 2000);
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
  }
}

// Ctrl-C also ends a running load generator (same process group), which fails that step. tsx relays the
// signal once more, so only a third SIGINT forces an exit without cleanup.
let signals = 0;
process.on('SIGINT', () => {
  signals += 1;
  interrupted = true;
  process.exitCode = 130;
  if (signals >= 3) process.exit(130);
});
main().catch((error: unknown) => {
  console.error(interrupted ? 'interrupted; cleaned up' : error);
  process.exitCode = interrupted ? 130 : 1;
});

import { AsyncLocalStorage } from 'node:async_hooks';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { initTRPC } from '@trpc/server';
import { runLoad } from './load';
import { HEADER, LEGEND, type Run, reportErrors, row, warnIfBusy } from './report';
import { startBareServer, startTrpcServerFor } from './servers';

/**
 * `pnpm --filter @pf/api exec tsx bench/trpc-floor.ts`: the best any tRPC procedure can do here. A one-query
 * router (no context, no I/O) on tRPC's standalone adapter, plain and with one `AsyncLocalStorage.run`
 * middleware (what `observed` does through withLogContext), against the bare server. Each variant runs in
 * a fresh process: once any AsyncLocalStorage is entered, node 20 keeps promise hooks on for good.
 */
const variants = ['bare', 'trpc', 'trpc+als'] as const;
type Variant = (typeof variants)[number];
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const load = { headers: {}, connections: 50, warmupMs: 2000, durationMs: seconds * 1000 };

async function serve(variant: Variant) {
  const body = JSON.stringify({ result: { data: { scope: 'public', status: 'ok' } } });
  const t = initTRPC.create();
  const als = new AsyncLocalStorage<{ requestId: string }>();
  const procedure =
    variant === 'trpc+als' ? t.procedure.use(({ next }) => als.run({ requestId: 'x' }, () => next())) : t.procedure;
  const router = t.router({ ping: procedure.query(() => ({ scope: 'public', status: 'ok' })) });
  const server = variant === 'bare' ? await startBareServer(body) : await startTrpcServerFor(router);
  try {
    const result = await runLoad({ ...load, url: `${server.url}/ping`, expectedBodyBytes: Buffer.byteLength(body) });
    process.send?.(result);
  } finally {
    await server.close();
  }
}

function measureInChild(variant: Variant) {
  return new Promise<Run>((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [variant]);
    child.once('message', (result) => resolve(result as Run));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${variant} exited with ${code}`))));
  });
}

const only = process.argv[2] as Variant | undefined;
if (only) {
  await serve(only);
} else {
  console.log(`GET /ping, ${load.connections} keep-alive connections, ${seconds} s each, one after the other`);
  const results: [Variant, Run][] = [];
  for (const variant of variants) results.push([variant, await measureInChild(variant)]);
  console.log(HEADER);
  for (const [variant, result] of results) console.log(row(variant, result));
  console.log(LEGEND);
  for (const [variant, result] of results) {
    reportErrors(variant, result);
    warnIfBusy(variant, result);
  }
}

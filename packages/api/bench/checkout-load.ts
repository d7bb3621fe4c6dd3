import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { postMutation } from '../test/fault/trpc-client';
import { cpuDelta, cpuSnapshot, processCpuMs } from './cpu';
import { summarizeLatencies } from './load-stats';

/** One buyer's requests over HTTP to the web server's /api/trpc, as the browser's mutation link sends them. */
export interface CartLine {
  productId: string;
  vendorStoreId: string;
  quantity: number;
}

export type Outcome = 'placed' | 'refused' | { error: string };

async function mutate(trpcUrl: string, path: string, input: unknown, options: { token: string; key?: string }) {
  const response = await postMutation(trpcUrl, path, input, options);
  const body = (await response.json().catch(() => ({}))) as {
    result?: { data?: Record<string, unknown> };
    error?: { data?: { code?: string } };
  };
  return { status: response.status, data: body.result?.data, code: body.error?.data?.code };
}

export async function quote(trpcUrl: string, token: string, items: CartLine[]) {
  const answer = await mutate(trpcUrl, 'cart.quote', { items }, { token });
  const cartId = answer.data?.id;
  if (answer.status !== 200 || typeof cartId !== 'string') {
    throw new Error(`cart.quote answered ${answer.status} ${answer.code ?? ''}`);
  }
  return cartId;
}

/** Quote then submit with a fresh Idempotency-Key: 'refused' when nothing in the cart was orderable. */
export async function checkout(trpcUrl: string, token: string, items: CartLine[]): Promise<Outcome> {
  const cartId = await quote(trpcUrl, token, items);
  const answer = await mutate(
    trpcUrl,
    'checkout.submit',
    { cartId, paymentMethod: 'cash' },
    { token, key: randomUUID() },
  );
  if (answer.status === 200) {
    // An answer whose every order was rejected (stock gone between quote and submit) placed nothing.
    const orders = (answer.data?.vendorOrders ?? []) as { status?: string }[];
    return orders.some((order) => order.status === 'created_pending') ? 'placed' : 'refused';
  }
  if (answer.code === 'CONFLICT') return 'refused';
  return { error: `checkout.submit ${answer.status} ${answer.code ?? ''}` };
}

export interface ClosedLoopResult {
  /** Iterations that finished inside the measured window with `placed` (latency and rate are over these). */
  placed: number;
  placedPerSecond: number;
  refused: number;
  errors: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU ms per placed checkout of the web server process and of the bench database's Postgres backends. */
  serverCpuMsPerPlaced: number;
  postgresCpuMsPerPlaced: number;
  /** Cores busy on the whole machine over the window, anything running included. */
  machineBusyCores: number;
}

/**
 * `workers` clients, each running `iteration` back to back for warm-up + duration. Latency of an iteration
 * (quote + submit) counts when it both starts after the warm-up and ends inside the window.
 */
export async function closedLoop(
  options: { workers: number; warmupMs: number; durationMs: number; database: string; serverPid: number },
  iteration: (worker: number) => Promise<Outcome>,
): Promise<ClosedLoopResult> {
  const started = performance.now();
  const windowStart = started + options.warmupMs;
  const windowEnd = windowStart + options.durationMs;
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let refused = 0;
  let cpuStart: ReturnType<typeof cpuSnapshot> | undefined;
  let serverCpuStart = 0;
  const serverPid = String(options.serverPid);
  const startTimer = setTimeout(() => {
    cpuStart = cpuSnapshot(options.database);
    serverCpuStart = processCpuMs(serverPid);
  }, options.warmupMs);
  await Promise.all(
    Array.from({ length: options.workers }, async (_, worker) => {
      while (performance.now() < windowEnd) {
        const begin = performance.now();
        const outcome = await iteration(worker).catch((error: Error) => ({ error: error.message }));
        const end = performance.now();
        if (begin < windowStart || end > windowEnd) continue;
        if (outcome === 'placed') latencies.push(end - begin);
        else if (outcome === 'refused') refused++;
        else errors[outcome.error] = (errors[outcome.error] ?? 0) + 1;
      }
    }),
  );
  clearTimeout(startTimer);
  const cpu = cpuStart ? cpuDelta(cpuStart, cpuSnapshot(options.database)) : undefined;
  const serverCpuMs = processCpuMs(serverPid) - serverCpuStart;
  const stats = summarizeLatencies(latencies, options.durationMs / 1000);
  return {
    placed: stats.requests,
    placedPerSecond: stats.requestsPerSecond,
    refused,
    errors,
    p50: stats.p50,
    p95: stats.p95,
    p99: stats.p99,
    max: stats.max,
    serverCpuMsPerPlaced: cpu ? serverCpuMs / Math.max(1, stats.requests) : Number.NaN,
    postgresCpuMsPerPlaced: cpu ? cpu.postgresMs / Math.max(1, stats.requests) : Number.NaN,
    machineBusyCores: cpu?.machineBusyCores ?? Number.NaN,
  };
}

/** `count` sequential quotes of `items` by one buyer after `warmup` unmeasured ones: latency percentiles (ms). */
export async function quoteLatency(trpcUrl: string, token: string, items: CartLine[], count: number, warmup: number) {
  const latencies: number[] = [];
  for (let n = 0; n < warmup + count; n++) {
    const begin = performance.now();
    await quote(trpcUrl, token, items);
    if (n >= warmup) latencies.push(performance.now() - begin);
  }
  return summarizeLatencies(latencies, 1);
}

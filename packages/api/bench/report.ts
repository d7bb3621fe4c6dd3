import { availableParallelism } from 'node:os';
import type { LoadResult, ServerSide } from './load';

export type Run = LoadResult & ServerSide;

const num = (value: number, digits: number, width: number) => value.toFixed(digits).padStart(width);
export const HEADER =
  `${'server'.padEnd(22)}    req/s  p50 ms  p95 ms  p99 ms  max ms  requests  errors` +
  '  CPU ms/req: server  postgres  redis  srvELU  cliELU  busy cores';
export const row = (name: string, r: Run) =>
  name.padEnd(22) +
  [num(r.requestsPerSecond, 0, 9), ...[r.p50, r.p95, r.p99, r.max].map((v) => num(v, 2, 8))].join('') +
  `${String(r.requests).padStart(10)}${String(r.errors).padStart(8)}${num(r.serverCpuMsPerRequest, 3, 20)}` +
  `${num(r.postgresCpuMsPerRequest, 3, 10)}${num(r.redisCpuMsPerRequest, 3, 7)}` +
  `${num(r.serverElu, 2, 8)}${num(r.clientElu, 2, 8)}${num(r.machineBusyCores, 2, 12)}`;

export const LEGEND =
  "CPU ms/req: CPU time per response of the server process, of the bench database's Postgres backends and of " +
  'redis-server. ELU: event-loop utilisation of the server / load-generator process (cliELU near 1 = the ' +
  `client was the limit). busy cores: whole machine, of ${availableParallelism()}, anything running included.`;

/** Cores the machine spent on anything but this bench (approximate: the client's share is its ELU). */
const otherCores = (r: Run) =>
  r.machineBusyCores -
  ((r.serverCpuMsPerRequest + r.postgresCpuMsPerRequest + r.redisCpuMsPerRequest) * r.requestsPerSecond) / 1000 -
  r.clientElu;

/** Warns when other work competed for the CPUs during a run (its figures are then low and noisy). */
export function warnIfBusy(name: string, r: Run) {
  const others = otherCores(r);
  if (others > 0.25) {
    console.log(
      `warning: other processes used about ${others.toFixed(2)} cores during the ${name} run: figures are noisy`,
    );
  }
}

export function reportErrors(name: string, result: Run) {
  if (result.errors === 0) {
    console.log(`${name}: all ${result.checked} responses (warm-up included) were 200 with the expected body`);
    return;
  }
  console.log(`${name}: ${result.errors} of ${result.checked} responses failed: ${JSON.stringify(result.errorKinds)}`);
  for (const sample of result.errorSamples) console.log(`  ${sample}`);
  process.exitCode = 1;
}

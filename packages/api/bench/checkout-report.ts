import { availableParallelism } from 'node:os';
import type { ClosedLoopResult } from './checkout-load';
import type { summarizeLatencies } from './load-stats';
import type { Ceilings } from './pgbench-ceilings';

type Latency = ReturnType<typeof summarizeLatencies>;

export interface BenchFigures {
  mixed: ClosedLoopResult;
  hot: ClosedLoopResult;
  soldOut: { sold: number; offered: number; oversell: number; errors: string[] };
  hotDeadlocks: number;
  quote20: Latency;
  quote50: Latency;
  ceilings: Ceilings;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'meets goal' : 'BELOW GOAL');

function loopLine(name: string, r: ClosedLoopResult) {
  const errors = Object.entries(r.errors)
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(', ');
  return (
    `${name}: ${r.placedPerSecond.toFixed(1)} checkouts/s (${r.placed} placed, ${r.refused} refused), ` +
    `quote+checkout p50 ${ms(r.p50)} p95 ${ms(r.p95)} p99 ${ms(r.p99)} max ${ms(r.max)}; ` +
    `CPU ms/checkout: web server ${r.serverCpuMsPerPlaced.toFixed(1)}, postgres ${r.postgresCpuMsPerPlaced.toFixed(1)}; ` +
    `${r.machineBusyCores.toFixed(2)} of ${availableParallelism()} cores busy` +
    (errors ? `\n  errors: ${errors}` : '')
  );
}

/** The figures next to the issue's goals (issue 11, Done means 7) and the pgbench ceilings of the same run. */
export function printCheckoutReport(
  f: BenchFigures,
  run: {
    durationMs: number;
    checkoutBuyers: number;
    hotBuyers: number;
    quotes: number;
    loadDuring: string;
    loadBefore: string;
  },
) {
  const { simpleUpdateTps, hotRowTps } = f.ceilings;
  const mixedRatio = f.mixed.placedPerSecond / simpleUpdateTps;
  const hotRatio = f.hot.placedPerSecond / hotRowTps;
  console.log(
    [
      '',
      `ceilings (pgbench, same run): simple-update -N ${simpleUpdateTps.toFixed(0)} TPS at ${run.checkoutBuyers} clients; ` +
        `hot-row conditional decrement ${hotRowTps.toFixed(0)} TPS at ${run.hotBuyers} clients`,
      '',
      loopLine(`(a) 10 lines / 3 vendors, ${run.checkoutBuyers} buyers, ${run.durationMs / 1000} s`, f.mixed),
      `  = ${mixedRatio.toFixed(3)} × simple-update TPS — goal ≥ 500 checkouts/s and ≥ 0.05 ×: ` +
        verdict(f.mixed.placedPerSecond >= 500 && mixedRatio >= 0.05),
      loopLine(`(b) one hot SKU, ${run.hotBuyers} buyers, ${run.durationMs / 1000} s`, f.hot),
      `  = ${hotRatio.toFixed(3)} × hot-row TPS — goal ≥ 0.15 × and p99 ≤ 250 ms: ` +
        verdict(hotRatio >= 0.15 && f.hot.p99 <= 250),
      `  sell-out: ${f.soldOut.sold} of ${f.soldOut.offered} units sold, oversell ${f.soldOut.oversell} ` +
        `(goal 0: ${verdict(f.soldOut.oversell === 0 && f.soldOut.sold === f.soldOut.offered)}), ` +
        `deadlocks ${f.hotDeadlocks}${f.soldOut.errors.length ? `, errors: ${f.soldOut.errors.slice(0, 3).join('; ')}` : ''}`,
      `(c) cart.quote, one buyer, ${run.quotes} sequential: 20 lines p50 ${ms(f.quote20.p50)} p95 ${ms(f.quote20.p95)}; ` +
        `50 lines p50 ${ms(f.quote50.p50)} p95 ${ms(f.quote50.p95)} — goal p95 ≤ 30 ms at 50 lines: ${verdict(f.quote50.p95 <= 30)}`,
      '',
      `load average after pgbench ${run.loadBefore}, after the HTTP runs ${run.loadDuring} ` +
        '(a shared or busy machine lowers every figure; compare the ratios, measured under the same load)',
    ].join('\n'),
  );
}

import type { Explained } from './browse-explain';
import type { LoadRun } from './browse-load';
import type { Shape } from './browse-shapes';

export interface ShapeFigures {
  shape: Shape;
  /** `total` of each input's first page. */
  totals: number[];
  explained: { page: Explained; counts: Explained }[];
  closed?: LoadRun;
  open?: LoadRun;
  rate?: number;
}

const GOAL_P95_MS = { filter: 20, search: 50 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number, width = 8) => value.toFixed(2).padStart(width);
const name = (text: string) => text.padEnd(22);

/** Lists each distinct plan node once, in first-seen order, page statement first. */
const nodesOf = (runs: Explained[]) => [...new Set(runs.flatMap((run) => run.nodes))];

export function printReport(
  figures: ShapeFigures[],
  floor: LoadRun,
  run: { connections: number; durationMs: number; loadAfter: string },
) {
  console.log(
    `\nClosed loop: ${run.connections} clients, ${run.durationMs / 1000} s per shape. SQL ms = Postgres planning + ` +
      'execution of the page statement as the app runs it (prepared; EXPLAIN ANALYZE EXECUTE via psql, median of ' +
      'runs 6-8; plan+exec in brackets); ratio = HTTP p50 / SQL ms. counts ms = the total + facet statement ' +
      '(unnamed, planned each time): on a cache miss, and in the background every 20 s for a key in use (30 s KV ' +
      'cache). CPU ms/req: this server process and ' +
      "the bench database's Postgres backends. floor = auth.me (session, principal, tRPC, HTTP; no browse work).",
  );
  console.log(
    `${name('shape')}   total    req/s  p50 ms  p95 ms  SQL ms (plan+exec)   ratio  counts ms  CPU ms/req: node    pg  busy cores  load1  errors`,
  );
  console.log(
    `${name('floor: auth.me')}${'-'.padStart(8)}${floor.requestsPerSecond.toFixed(0).padStart(9)}${ms(floor.p50)}` +
      `${ms(floor.p95)}${'-'.padStart(8)} ${''.padEnd(12)}${'-'.padStart(6)}${'-'.padStart(11)}` +
      `${ms(floor.serverCpuMs, 18)}${ms(floor.postgresCpuMs, 6)}${ms(floor.machineBusyCores, 12)}` +
      `${floor.load1.toFixed(2).padStart(7)}${String(floor.errors).padStart(8)}`,
  );
  for (const f of figures) {
    const r = f.closed as LoadRun;
    const sqlMs = median(f.explained.map((e) => e.page.totalMs));
    const split = `(${median(f.explained.map((e) => e.page.planningMs)).toFixed(2)}+${median(f.explained.map((e) => e.page.executionMs)).toFixed(2)})`;
    console.log(
      `${name(f.shape.name)}${String(median(f.totals)).padStart(8)}${r.requestsPerSecond.toFixed(0).padStart(9)}` +
        `${ms(r.p50)}${ms(r.p95)}${ms(sqlMs)} ${split.padEnd(12)}${(r.p50 / sqlMs).toFixed(1).padStart(6)}` +
        `${ms(median(f.explained.map((e) => e.counts.totalMs)), 11)}${ms(r.serverCpuMs, 18)}${ms(r.postgresCpuMs, 6)}` +
        `${ms(r.machineBusyCores, 12)}${r.load1.toFixed(2).padStart(7)}${String(r.errors).padStart(8)}`,
    );
  }

  console.log('\nFixed rate (open loop; latency from each request’s scheduled start, so queueing counts):');
  console.log(`${name('shape')}  req/s  p50 ms  p95 ms  p99 ms  max ms  goal p95   result  busy cores  load1  errors`);
  const verdicts: boolean[] = [];
  for (const f of figures) {
    const r = f.open as LoadRun;
    const goal = GOAL_P95_MS[f.shape.kind];
    const met = r.p95 <= goal && r.errors === 0;
    verdicts.push(met);
    console.log(
      `${name(f.shape.name)}${String(f.rate).padStart(7)}${ms(r.p50)}${ms(r.p95)}${ms(r.p99)}${ms(r.max)}` +
        `${`≤ ${goal}`.padStart(10)}${(met ? 'met' : 'MISSED').padStart(9)}${ms(r.machineBusyCores, 12)}` +
        `${r.load1.toFixed(2).padStart(7)}${String(r.errors).padStart(8)}`,
    );
  }

  console.log('\nPlans (every node of the page statement, then of the count statement):');
  let seqScans = 0;
  for (const f of figures) {
    const all = f.explained.flatMap((e) => [e.page, e.counts]);
    const flagged = all.some((e) => e.seqScanOnProducts);
    if (flagged) seqScans += 1;
    console.log(`${f.shape.name}${flagged ? '  <-- SEQ SCAN ON PRODUCTS' : ''}`);
    console.log(`  page:   ${nodesOf(f.explained.map((e) => e.page)).join(' | ')}`);
    console.log(`  counts: ${nodesOf(f.explained.map((e) => e.counts)).join(' | ')}`);
  }

  for (const f of figures) {
    for (const [label, r] of [
      ['closed', f.closed],
      ['fixed-rate', f.open],
    ] as const) {
      for (const sample of r?.errorSamples ?? []) console.log(`error (${f.shape.name}, ${label}): ${sample}`);
    }
  }
  const filtersMet = figures.every((f, i) => f.shape.kind !== 'filter' || verdicts[i]);
  const searchMet = figures.every((f, i) => f.shape.kind !== 'search' || verdicts[i]);
  console.log(
    `\nGoals: filter shapes p95 ≤ 20 ms at ${figures.find((f) => f.shape.kind === 'filter')?.rate} req/s: ` +
      `${filtersMet ? 'met' : 'MISSED'}; q p95 ≤ 50 ms at ${figures.find((f) => f.shape.kind === 'search')?.rate} req/s: ` +
      `${searchMet ? 'met' : 'MISSED'}; sequential scans on products: ${seqScans === 0 ? 'none' : `${seqScans} shape(s)`}. ` +
      `Load average at the end: ${run.loadAfter}.`,
  );
  if (seqScans > 0) process.exitCode = 1;
}

/** What both load generators (bench:api, bench:browse) share: latency summaries and the child-process protocol. */

const percentile = (sorted: Float64Array, p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);

/** Count, rate and percentiles (ms) of the latencies measured over a window of `elapsedSeconds`. */
export function summarizeLatencies(latencies: readonly number[], elapsedSeconds: number) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / elapsedSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/** Runs the generator once with the options the parent sends, and sends back its result as `done`. */
export function serveLoadRun<Options, Result>(run: (options: Options) => Promise<Result>) {
  process.once('message', (options: Options) => {
    run(options).then(
      (result) => process.send?.({ kind: 'done', result }),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

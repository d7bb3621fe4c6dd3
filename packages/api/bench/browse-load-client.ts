import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { serveLoadRun, summarizeLatencies } from './load-stats';

/**
 * Load generator for `pnpm bench:browse` (a child process, so its CPU is not the server's event loop).
 * `closed`: `connections` clients, each sending the next GET when the previous response is complete
 * (throughput). `open`: GETs started on a fixed schedule of `rate` per second whatever the responses do, with
 * latency measured from the scheduled start, so a stalled server shows as queueing instead of being hidden.
 * URLs are used round-robin; a response counts as good when it is a 200 whose body contains `okMarker`.
 */
export interface BrowseLoadOptions {
  mode: 'closed' | 'open';
  urls: string[];
  headers: Record<string, string>;
  connections: number;
  rate: number;
  warmupMs: number;
  durationMs: number;
  /** Text every good response body contains (a browse page: `"items":[`). */
  okMarker: string;
}

export interface BrowseLoadResult {
  requests: number;
  errors: number;
  errorSamples: string[];
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Messages to the parent, which samples CPU counters when the measured window opens and closes. */
export type LoadMessage = { kind: 'measuring' } | { kind: 'stopped' } | { kind: 'done'; result: BrowseLoadResult };

async function run(options: BrowseLoadOptions): Promise<BrowseLoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(options.connections, 256) });
  let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
  const latencies: number[] = [];
  const errorSamples: string[] = [];
  let errors = 0;
  let sent = 0;

  const once = (startedAt: number, url = new URL(options.urls[sent++ % options.urls.length] ?? ''), retried = false) =>
    new Promise<void>((resolve) => {
      // Open loop counts what was scheduled inside the window (a slow answer must not escape it); closed loop
      // counts what completed inside it (throughput).
      const scheduledInWindow = phase === 'measure';
      const finish = (error?: string) => {
        const counted = options.mode === 'open' ? scheduledInWindow : phase === 'measure';
        if (counted) latencies.push(performance.now() - startedAt);
        if (error) {
          errors += 1;
          if (errorSamples.length < 5) errorSamples.push(error);
        }
        resolve();
      };
      const req = http.get(
        { agent, hostname: url.hostname, port: url.port, path: url.pathname + url.search, headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => finish(`response ${error.message}`));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            const good = res.statusCode === 200 && body.includes(options.okMarker);
            finish(good ? undefined : `HTTP ${res.statusCode}: ${body.slice(0, 300)}`);
          });
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) => {
        // The keep-alive race: the server closed an idle socket just as it was reused. Browsers retry such a
        // GET once; so does this client (the latency still counts from the first attempt).
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) {
          void once(startedAt, url, true).then(resolve);
          return;
        }
        finish(`socket ${error.code ?? error.message}`);
      });
    });

  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.then(() => inFlight.delete(work));
  };
  if (options.mode === 'closed') {
    const client = async () => {
      while (phase !== 'stop') await once(performance.now());
    };
    for (let i = 0; i < options.connections; i++) track(client());
  } else {
    const interval = 1000 / options.rate;
    let next = performance.now();
    const tick = () => {
      if (phase === 'stop') return;
      for (let now = performance.now(); next <= now; next += interval) track(once(next));
      setTimeout(tick, Math.max(0, next - performance.now()));
    };
    tick();
  }

  await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
  phase = 'measure';
  process.send?.({ kind: 'measuring' } satisfies LoadMessage);
  const measureStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.durationMs));
  const elapsedSeconds = (performance.now() - measureStart) / 1000;
  phase = 'stop';
  process.send?.({ kind: 'stopped' } satisfies LoadMessage);
  await Promise.all([...inFlight]);
  agent.destroy();

  return { ...summarizeLatencies(latencies, elapsedSeconds), errors, errorSamples };
}

serveLoadRun(run);

import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { ClientMessage, LoadOptions, LoadResult } from './load';
import { serveLoadRun, summarizeLatencies } from './load-stats';

/**
 * Load generator (child process of bench/api.ts): `connections` closed-loop clients over keep-alive
 * sockets, each sending the next GET as soon as the previous response has been read in full. Latency and
 * throughput count the responses that complete inside the measured window; every response (warm-up and
 * drain included) is checked for status 200 and the expected body length.
 */
async function run(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = new http.Agent({
    keepAlive: true,
    maxSockets: options.connections,
    maxFreeSockets: options.connections,
  });
  const request = {
    agent,
    hostname: url.hostname,
    port: url.port,
    path: url.pathname + url.search,
    headers: options.headers,
  };
  let phase: 'warmup' | 'measure' | 'stop' = 'warmup';
  const latencies: number[] = [];
  const errorKinds: Record<string, number> = {};
  const errorSamples: string[] = [];
  let errors = 0;
  let checked = 0;

  const record = (started: number, error?: string, body?: string) => {
    if (phase === 'measure') latencies.push(performance.now() - started);
    checked += 1;
    if (!error) return;
    errors += 1;
    errorKinds[error] = (errorKinds[error] ?? 0) + 1;
    if (errorSamples.length < 5) errorSamples.push(`${error}: ${body?.slice(0, 300) ?? ''}`);
  };

  const once = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      const req = http.get(request, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          record(started, `response ${error.message}`);
          resolve();
        });
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          if (res.statusCode !== 200) record(started, `HTTP ${res.statusCode}`, body.toString());
          else if (body.length !== options.expectedBodyBytes) record(started, `body ${body.length} bytes`);
          else record(started);
          resolve();
        });
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        record(started, `socket ${error.code ?? error.message}`);
        resolve();
      });
    });

  const client = async () => {
    while (phase !== 'stop') await once();
  };
  const clients = Array.from({ length: options.connections }, client);

  await new Promise((resolve) => setTimeout(resolve, options.warmupMs));
  phase = 'measure';
  process.send?.({ kind: 'measuring' } satisfies ClientMessage);
  const eluStart = performance.eventLoopUtilization();
  const measureStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, options.durationMs));
  const elapsedSeconds = (performance.now() - measureStart) / 1000;
  const clientElu = performance.eventLoopUtilization(eluStart).utilization;
  phase = 'stop';
  process.send?.({ kind: 'stopped' } satisfies ClientMessage);
  await Promise.all(clients);
  agent.destroy();

  return {
    ...summarizeLatencies(latencies, elapsedSeconds),
    checked,
    errors,
    errorKinds,
    errorSamples,
    clientElu,
  };
}

serveLoadRun(run);

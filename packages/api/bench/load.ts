import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { cpuDelta, cpuSnapshot } from './cpu';

export interface LoadOptions {
  url: string;
  headers: Record<string, string>;
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** A 200 whose body is not this many bytes counts as an error too. */
  expectedBodyBytes: number;
}

export interface LoadResult {
  /** Responses completed inside the measured window (latency and throughput are over these). */
  requests: number;
  /** Every response checked for status 200 and body length, warm-up and drain included. */
  checked: number;
  errors: number;
  /** Error kind (`HTTP 401`, `socket ECONNRESET`, `body 12 bytes`) → count. */
  errorKinds: Record<string, number>;
  errorSamples: string[];
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Event-loop utilisation of the load generator while measuring: near 1 means the client was the limit. */
  clientElu: number;
}

export interface ServerSide {
  /** Event-loop utilisation of this (the server's) process over the measured window. */
  serverElu: number;
  /** CPU time per response: this (the server's) process (all threads), the bench database's Postgres
   * backends, and redis-server (shared: other clients' work counts too). */
  serverCpuMsPerRequest: number;
  postgresCpuMsPerRequest: number;
  redisCpuMsPerRequest: number;
  /** CPU cores busy on the whole machine over the window (everything included). */
  machineBusyCores: number;
}

export type ClientMessage = { kind: 'measuring' } | { kind: 'stopped' } | { kind: 'done'; result: LoadResult };

/**
 * Drives one server from a separate process, so the load generator has its own event loop and CPU and
 * the server's loop (this process) does only server work. Returns the client's figures plus what this
 * process and the machine spent over the measured window.
 */
export function runLoad(options: LoadOptions, database?: string): Promise<LoadResult & ServerSide> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-client.ts', import.meta.url)), { stdio: 'inherit' });
    const snapshot = () => ({
      elu: performance.eventLoopUtilization(),
      cpu: process.cpuUsage(),
      others: cpuSnapshot(database),
    });
    let start: ReturnType<typeof snapshot> | undefined;
    let end: ReturnType<typeof snapshot> | undefined;
    let settled = false;
    child.on('message', (message: ClientMessage) => {
      if (message.kind === 'measuring') start = snapshot();
      if (message.kind === 'stopped') end = snapshot();
      if (message.kind === 'done' && start && end) {
        settled = true;
        const cpuMs = (end.cpu.user - start.cpu.user + end.cpu.system - start.cpu.system) / 1000;
        const others = cpuDelta(start.others, end.others);
        const { requests } = message.result;
        resolve({
          ...message.result,
          serverElu: performance.eventLoopUtilization(end.elu, start.elu).utilization,
          serverCpuMsPerRequest: cpuMs / requests,
          postgresCpuMsPerRequest: others.postgresMs / requests,
          redisCpuMsPerRequest: others.redisMs / requests,
          machineBusyCores: others.machineBusyCores,
        });
        child.disconnect();
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!settled) reject(new Error(`load generator exited early (code ${code}, signal ${signal})`));
    });
    child.send(options);
  });
}

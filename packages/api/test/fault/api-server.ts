import { setTimeout as sleep } from 'node:timers/promises';
import { RELAXED_LIMITS } from '../helpers';
import { startProcess, type WorkerProcess } from './harness';

/**
 * Starting, killing and restarting the API server process of test/fault/api-server-process.ts, shared by the
 * crash tests (idempotency-crash, checkout-crash). See trpc-client.ts for the client side.
 */

/** Where a self-inflicted kill happens: inside the idempotent transaction just before / after its commit. */
export type CommitMoment = 'before' | 'after';

export interface ApiServer {
  process: WorkerProcess;
  url: string;
}

/** The settings every crash-test server runs with, on the test app's database. */
export const apiServerEnv = (settings: {
  databaseUrl: string;
  redisUrl: string;
  authSecret: string;
  /** The test app's, for a server that must accept the sessions the test app signed in. */
  redisKeyPrefix?: string;
}): Record<string, string> => ({
  ...RELAXED_LIMITS,
  DATABASE_URL: settings.databaseUrl,
  REDIS_URL: settings.redisUrl,
  ...(settings.redisKeyPrefix ? { REDIS_KEY_PREFIX: settings.redisKeyPrefix } : {}),
  APP_ENV: 'test',
  // The same secret across restarts: request fingerprints and tokens must survive them, as in production.
  AUTH_SECRET: settings.authSecret,
  LOG_LEVEL: 'silent',
  ARGON2_MEMORY_KIB: '4096',
  ARGON2_TIME_COST: '1',
});

/** Starts the server bundle and waits for its `listening <url>`; `killAt` makes its first commit fatal. */
export async function startApiServer(
  bundle: string,
  env: Record<string, string>,
  killAt?: CommitMoment,
): Promise<ApiServer> {
  const process = startProcess(bundle, 'api server', [], { ...env, ...(killAt ? { FAULT_KILL_AT: killAt } : {}) });
  try {
    await process.ready;
  } catch (error) {
    await process.kill();
    throw error;
  }
  const url = /listening (\S+)/.exec(process.output())?.[1];
  if (!url) {
    await process.kill();
    throw new Error(`no url in: ${process.output()}`);
  }
  return { process, url };
}

/**
 * How a supervisor kills the server: by the fault hook right after a commit (the answer is lost, the retry
 * must replay) or just before it (mid-transaction: every write must vanish), or by SIGKILL from outside at a
 * random moment while requests are in flight ('load') or while none is ('idle').
 */
export const KILL_KINDS = ['after-commit', 'mid-transaction', 'load', 'idle'] as const;
export type KillKind = (typeof KILL_KINDS)[number];

/** What a retrying client needs from wherever the server currently is. */
export interface Endpoint {
  url(): string;
  /** Runs one request; a supervisor holds it back while it wants the server idle, and counts it in flight. */
  send<T>(request: (url: string) => Promise<T>): Promise<T>;
}

export const fixedEndpoint = (url: string): Endpoint => ({ url: () => url, send: (request) => request(url) });

/**
 * Keeps one API server running and kills it on demand, of a given kind, then starts a fresh one (on a new
 * port: clients read `url()` on every attempt, and a request to the dead one fails like a real outage).
 */
export class ApiServerSupervisor implements Endpoint {
  readonly kills: Record<KillKind, number> = { 'after-commit': 0, 'mid-transaction': 0, load: 0, idle: 0 };
  /** Milliseconds from each kill until the next server was ready. */
  readonly downtimes: number[] = [];
  private server: ApiServer | null = null;
  /** While a new server starts, requests still go to the dead one's address and fail as in an outage. */
  private lastUrl: string | null = null;
  private inFlight = 0;
  private hold: { opened: Promise<void>; open(): void } | null = null;

  constructor(
    private readonly bundle: string,
    private readonly env: Record<string, string>,
  ) {}

  async start() {
    this.server = await startApiServer(this.bundle, this.env);
    this.lastUrl = this.server.url;
    return this.server;
  }

  url() {
    const url = this.server?.url ?? this.lastUrl;
    if (!url) throw new Error('the supervisor never started a server');
    return url;
  }

  get current() {
    return this.server;
  }

  async send<T>(request: (url: string) => Promise<T>): Promise<T> {
    while (this.hold) await this.hold.opened;
    this.inFlight++;
    try {
      return await request(this.url());
    } finally {
      this.inFlight--;
    }
  }

  /** Kills the server the way `kind` says, waits for it to be gone and starts the next one. */
  async crash(kind: KillKind, options: { armedTimeoutMs?: number } = {}) {
    const server = this.server;
    if (!server) throw new Error('the supervisor has no server');
    const { process } = server;
    let counted = kind;
    if (kind === 'after-commit' || kind === 'mid-transaction') {
      // SIGUSR1 / SIGUSR2 arm the hook; the next idempotent commit of any client is the fatal one.
      process.child.kill(kind === 'after-commit' ? 'SIGUSR1' : 'SIGUSR2');
      const moment = kind === 'after-commit' ? 'after' : 'before';
      const died = await Promise.race([process.exited.then(() => true), sleep(options.armedTimeoutMs ?? 30_000)]);
      if (!died) {
        // No idempotent request came: killed from outside instead, and counted as what it then was.
        await process.kill();
        counted = 'load';
      } else if (!process.output().includes(`fault ${moment}\n`)) {
        throw new Error(`${kind}: the server died elsewhere`);
      }
    } else if (kind === 'load') {
      await this.waitFor(() => this.inFlight > 0);
      // A few milliseconds in: requests are somewhere between parsing, their transaction and their answer.
      await sleep(Math.floor(Math.random() * 15));
      await process.kill();
    } else {
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      this.hold = { opened, open };
      try {
        await this.waitFor(() => this.inFlight === 0);
        await process.kill();
      } finally {
        // Reopened once the next server is up (below), or at once if the kill failed.
        if (process.child.signalCode === null) this.release();
      }
    }
    await process.exited;
    if (process.child.signalCode !== 'SIGKILL') throw new Error(`server ended by ${process.child.signalCode}`);
    this.kills[counted]++;
    const killedAt = Date.now();
    this.server = null;
    try {
      await this.start();
    } finally {
      this.release();
    }
    this.downtimes.push(Date.now() - killedAt);
  }

  totalKills() {
    return Object.values(this.kills).reduce((sum, n) => sum + n, 0);
  }

  async stop() {
    this.release();
    await this.server?.process.stop();
    this.server = null;
  }

  private release() {
    const hold = this.hold;
    this.hold = null;
    hold?.open();
  }

  private async waitFor(condition: () => boolean, timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms: ${this.inFlight} requests in flight`);
      await sleep(1);
    }
  }
}

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const apiRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Client libraries of transports the fault worker does not use (it runs EVENT_TRANSPORT=embedded). Loading
 * the Pub/Sub client costs about half of a worker's start-up CPU, and the tests start dozens of workers;
 * left out, any use of it fails loudly ("… is not a constructor") instead of silently doing something else.
 */
const UNUSED_CLIENTS = new Set(['@google-cloud/pubsub']);

/**
 * Only the workspace's TypeScript is compiled into the bundle. Every package from node_modules stays an
 * import of the exact file Node would load for that importer, so each is loaded natively, as in production.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onLoad({ filter: /.*/, namespace: 'unused-client' }, () => ({ contents: 'module.exports = {};' }));
    builder.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.path.startsWith('@pf/') || args.pluginData?.resolving) return undefined;
      if (UNUSED_CLIENTS.has(args.path)) return { path: args.path, namespace: 'unused-client' };
      if (isBuiltin(args.path)) return { path: args.path, external: true };
      const resolved = await builder.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, external: true };
    });
  },
};

/**
 * Bundles test/fault/worker-process.ts (or another process of test/fault) once per test file. A worker
 * started through tsx spends seconds transforming TypeScript before it does anything; the bundle starts in a
 * fraction of that, which is what makes dozens of kill/restart cycles affordable. Same code, compiled ahead
 * of time.
 */
export async function buildWorker(entry = 'worker-process.ts'): Promise<{ file: string; remove(): Promise<void> }> {
  const file = join(apiRoot, 'node_modules', '.cache', `pf-fault-worker-${randomBytes(4).toString('hex')}.mjs`);
  await build({
    entryPoints: [join(apiRoot, 'test', 'fault', entry)],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalPackages],
    logLevel: 'error',
  });
  return { file, remove: () => rm(file, { force: true }) };
}

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** Everything the process printed on stdout so far. */
  output(): string;
  /** Resolves once the process is connected and about to run its loops. */
  ready: Promise<void>;
  exited: Promise<number | null>;
  /** SIGKILL: no shutdown handler runs; open transactions die with the connection. */
  kill(): Promise<void>;
  /** SIGTERM: the loops finish their current unit of work and the process exits. */
  stop(): Promise<void>;
}

export const startWorker = (bundle: string, only: string, env: Record<string, string>): WorkerProcess =>
  startProcess(bundle, only, ['--only', only], env);

/** Runs a bundle with `args`; it is ready once it prints a line `ready`. */
export function startProcess(bundle: string, name: string, args: string[], env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, [bundle, ...args], {
    cwd: apiRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      out += String(chunk);
      if (out.includes('ready\n')) resolve();
    });
    void exited.then((code) => reject(new Error(`${name} exited (${code}) before ready: ${stderr}`)));
  });
  ready.catch(() => undefined);
  return {
    name,
    child,
    output: () => out,
    ready,
    exited,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
      if (code === 'timeout') await this.kill();
      else if (code !== 0) throw new Error(`${name} exited with ${code}: ${stderr}`);
    },
  };
}

export const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

/** Polls `check` until it returns true, or fails after `timeoutMs` with `describe()` in the message. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, describe: () => Promise<string>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${await describe()}`);
    await sleep(100);
  }
}

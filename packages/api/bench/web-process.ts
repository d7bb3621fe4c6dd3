import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'apps', 'web');

export interface WebProcess {
  /** Base URL of the tRPC endpoint, e.g. http://127.0.0.1:3310/api/trpc */
  trpcUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The production server exactly as `pnpm start` runs it (scripts/lib.sh run_web: apps/web/server/main.mjs
 * over the built Next.js app), on `port`, with `env` as its whole settings. Needs a web build
 * (`source scripts/lib.sh && build_web`). `nodeArgs` go to node itself (e.g. `--cpu-prof`). Ready once /api/ready answers 200; `stop()` sends SIGTERM and,
 * after 10 s, SIGKILL.
 */
export async function startWebProcess(
  port: number,
  env: Record<string, string>,
  nodeArgs: readonly string[] = [],
): Promise<WebProcess> {
  const child = spawn(process.execPath, [...nodeArgs, 'server/main.mjs', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: webRoot,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + String(chunk)).slice(-8000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = () => stopChild(child, exited);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the web server exited before it was ready:\n${output}`);
    }
    const ready = await fetch(`${base}/api/ready`, { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the web server was not ready in 120 s:\n${output}`);
    }
    await sleep(250);
  }
  return { trpcUrl: `${base}/api/trpc`, pid: child.pid ?? 0, stop };
}

async function stopChild(child: ChildProcess, exited: Promise<void>) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    child.kill('SIGKILL');
    await exited;
  }
}

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const env = {
  ...process.env,
  APP_ENV: 'test',
  LOG_LEVEL: 'info',
  DATABASE_URL: process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  AUTH_SECRET: 'worker-test-secret-long-enough-for-hs256',
  WORKER_HEARTBEAT_SECONDS: '1',
};

function startWorker(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...env, ...extraEnv } });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

const waitFor = async (predicate: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for worker output');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('worker process', () => {
  it('runs only the selected loops and stops cleanly on SIGTERM after finishing its current unit', async () => {
    const worker = startWorker(['--only', 'heartbeat']);
    await waitFor(() => worker.output().includes('"loops":["heartbeat"]'));
    worker.child.kill('SIGTERM');
    const [code] = await once(worker.child, 'exit');
    expect(code).toBe(0);
    expect(worker.output()).toContain('shutdown requested');
    expect(worker.output()).toContain('worker stopped');
  });

  it('refuses an unknown loop name and names the known ones', async () => {
    const worker = startWorker(['--only', 'nonsense']);
    const [code] = await once(worker.child, 'exit');
    expect(code).toBe(1);
    expect(worker.output()).toContain('Unknown loop(s): nonsense');
    expect(worker.output()).toContain('heartbeat');
  });

  it('stops at start-up naming every bad setting', async () => {
    const worker = startWorker([], { ACCESS_TOKEN_TTL_MINUTES: 'abc', REFRESH_TOKEN_TTL_MINUTES: '-5' });
    const [code] = await once(worker.child, 'exit');
    expect(code).toBe(1);
    expect(worker.output()).toContain('ACCESS_TOKEN_TTL_MINUTES');
    expect(worker.output()).toContain('REFRESH_TOKEN_TTL_MINUTES');
  });
});

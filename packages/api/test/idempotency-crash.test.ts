import { randomUUID } from 'node:crypto';
import { idempotencyKeys, stores, users } from '@pf/db';
import type { RegisterInput } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerInputFor, type TestApp, testRedisUrl } from '../src/testing';
import { buildWorker, startProcess, type WorkerProcess } from './fault/harness';
import { RELAXED_LIMITS } from './helpers';

/**
 * A real server process (test/fault/api-server-process.ts) killed with SIGKILL inside an idempotent request,
 * just before or just after its transaction commits, then started again; the client retries with the same
 * Idempotency-Key. After the commit the retry must replay, before it the retry must run: either way the
 * store exists exactly once.
 */
let app: TestApp;
let bundle: Awaited<ReturnType<typeof buildWorker>>;
const running = new Set<WorkerProcess>();

beforeAll(async () => {
  [app, bundle] = await Promise.all([createTestApp(RELAXED_LIMITS), buildWorker('api-server-process.ts')]);
}, 120_000);

afterAll(async () => {
  await Promise.all([...running].map((server) => server.kill()));
  await bundle?.remove();
  await app?.close();
});

async function startServer(killAt?: 'before' | 'after') {
  const server = startProcess(bundle.file, 'api server', [], {
    ...RELAXED_LIMITS,
    DATABASE_URL: app.database.url,
    REDIS_URL: testRedisUrl(),
    APP_ENV: 'test',
    // The same secret across restarts: request fingerprints and tokens must survive them, as in production.
    AUTH_SECRET: 'crash-test-secret-that-is-long-enough-for-hs256',
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    ...(killAt ? { FAULT_KILL_AT: killAt } : {}),
  });
  running.add(server);
  void server.exited.then(() => running.delete(server));
  await server.ready;
  const url = /listening (\S+)/.exec(server.output())?.[1];
  if (!url) throw new Error(`no url in: ${server.output()}`);
  return { server, url };
}

/** One tRPC mutation over HTTP, as the browser's mutation link sends it. */
const registerOver = (url: string, key: string, input: RegisterInput) =>
  fetch(`${url}/auth.register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(input),
  });

const usersWith = (email: string) => app.deps.db.select().from(users).where(eq(users.email, email));
const storesNamed = (name: string) => app.deps.db.select().from(stores).where(eq(stores.companyName, name));
const recordsOf = (key: string) => app.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));

describe('auth.register when the server dies mid-request', { timeout: 120_000 }, () => {
  it('killed between commit and answer: the retry replays, and one user with one store exists', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    const doomed = await startServer('after');
    await expect(registerOver(doomed.url, key, input)).rejects.toThrow();
    expect(await doomed.server.exited).toBeNull();
    expect(doomed.server.child.signalCode).toBe('SIGKILL');
    // It committed: the account, the store and the answer are all there.
    expect(await usersWith(input.email)).toHaveLength(1);
    const [store] = await storesNamed(input.companyName);
    expect((await recordsOf(key)).map((record) => record.responseStatus)).toEqual([200]);

    const restarted = await startServer();
    const retry = await registerOver(restarted.url, key, input);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBe('true');
    const body = (await retry.json()) as { result: { data: { activeStoreId: string; user: { email: string } } } };
    expect(body.result.data.activeStoreId).toBe(store?.id);
    expect(body.result.data.user.email).toBe(input.email);
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
    await restarted.server.stop();
  });

  it('killed just before the commit: nothing was kept, and the retry registers once', async () => {
    const input = registerInputFor();
    const key = randomUUID();
    const doomed = await startServer('before');
    await expect(registerOver(doomed.url, key, input)).rejects.toThrow();
    expect(await doomed.server.exited).toBeNull();
    expect(doomed.server.child.signalCode).toBe('SIGKILL');
    expect(await usersWith(input.email)).toHaveLength(0);

    const restarted = await startServer();
    const retry = await registerOver(restarted.url, key, input);
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotency-replayed')).toBe('false');
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
    expect(await recordsOf(key)).toHaveLength(1);
    await restarted.server.stop();
  });
});

import { randomUUID } from 'node:crypto';
import { idempotencyKeys, stores, users } from '@pf/db';
import type { RegisterInput } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerInputFor, type TestApp, testRedisUrl } from '../src/testing';
import { apiServerEnv, type CommitMoment, fixedEndpoint, startApiServer } from './fault/api-server';
import { buildWorker, type WorkerProcess } from './fault/harness';
import { postMutation, sendUntilAnswered } from './fault/trpc-client';
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

const serverEnv = () =>
  // Its own secret, the same across restarts: request fingerprints and tokens must survive them.
  apiServerEnv({
    databaseUrl: app.database.url,
    redisUrl: testRedisUrl(),
    authSecret: 'crash-test-secret-that-is-long-enough-for-hs256',
  });

async function startServer(killAt?: CommitMoment) {
  const server = await startApiServer(bundle.file, serverEnv(), killAt);
  running.add(server.process);
  void server.process.exited.then(() => running.delete(server.process));
  return { server: server.process, url: server.url };
}

const registerOver = (url: string, key: string, input: RegisterInput) =>
  postMutation(url, 'auth.register', input, { key });
/** The client's retry, as the web app's retrying link sends it: same key, until the server answers. */
const retryRegister = (url: string, key: string, input: RegisterInput) =>
  sendUntilAnswered(fixedEndpoint(url), 'auth.register', input, { key });

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
    const retry = await retryRegister(restarted.url, key, input);
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe(true);
    const data = retry.data as { activeStoreId: string; user: { email: string } };
    expect(data.activeStoreId).toBe(store?.id);
    expect(data.user.email).toBe(input.email);
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
    const retry = await retryRegister(restarted.url, key, input);
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe(false);
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
    expect(await recordsOf(key)).toHaveLength(1);
    await restarted.server.stop();
  });
});

import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAppRouter,
  createCallerFactory,
  createContextFactory,
  createRuntime,
  loadConfig,
  type Runtime,
  TOKEN_HEADER,
} from '../src';
import { registerInputFor, STRONG_PASSWORD } from '../src/testing';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pf-pglite-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const embeddedConfig = () =>
  loadConfig({
    APP_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
  });

function clientFor(runtime: Runtime) {
  const createCaller = createCallerFactory(createAppRouter({ devTools: true }));
  const createContext = createContextFactory(runtime.deps);
  return (options: { token?: string | null; idempotencyKey?: string } = {}) => {
    const headers = new Headers({ 'x-forwarded-for': '192.0.2.1' });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.idempotencyKey) headers.set('idempotency-key', options.idempotencyKey);
    const resHeaders = new Headers();
    return { caller: createCaller(createContext({ headers, resHeaders })), resHeaders };
  };
}

// Starting PGlite (WASM) and migrating it takes seconds, more on a busy machine; this is a limit, not an assertion.
describe('embedded mode (no DATABASE_URL, no REDIS_URL)', { timeout: 120_000 }, () => {
  it('runs on PGlite and the in-process KV, migrates itself, and serves register → login → me', async () => {
    const input = registerInputFor({ storeType: 'buyer', companyName: 'Embedded Dispensary' });
    const config = embeddedConfig();
    expect(config).toMatchObject({ embedded: true, autoMigrate: true });
    expect(config.DATABASE_URL ?? config.REDIS_URL).toBeUndefined();

    const runtime = await createRuntime(config);
    try {
      expect(runtime.dbHandle.kind).toBe('pglite');
      expect(existsSync(join(dataDir, 'pglite'))).toBe(true);
      // No secret was configured: one was generated and kept under DATA_DIR.
      expect(existsSync(join(dataDir, 'auth-secret'))).toBe(true);
      const call = clientFor(runtime);

      const registered = call({ idempotencyKey: randomUUID() });
      const created = await registered.caller.auth.register(input);
      expect(created.activeStoreId).toBeTruthy();
      expect(registered.resHeaders.get(TOKEN_HEADER)).toBeTruthy();

      const signIn = call();
      const login = await signIn.caller.auth.login({ email: input.email, password: STRONG_PASSWORD });
      expect(login.activeStoreId).toBe(created.activeStoreId);
      const token = signIn.resHeaders.get(TOKEN_HEADER);

      const me = await call({ token }).caller.auth.me();
      expect(me.user.email).toBe(input.email);
      expect(me.activeStore).toMatchObject({ name: 'Embedded Dispensary', type: 'buyer', role: 'owner' });
      expect((await call({ token }).caller.store.me.get()).companyName).toBe('Embedded Dispensary');
    } finally {
      await runtime.close();
    }
  });

  it('keeps data on disk across a restart, while sessions (in-process KV) do not survive it', async () => {
    const input = registerInputFor({ storeType: 'vendor', companyName: 'Persistent Growers' });
    const first = await createRuntime(embeddedConfig());
    let token: string | null;
    try {
      const registered = clientFor(first)({ idempotencyKey: randomUUID() });
      await registered.caller.auth.register(input);
      token = registered.resHeaders.get(TOKEN_HEADER);
      expect((await clientFor(first)({ token }).caller.auth.me()).user.email).toBe(input.email);
    } finally {
      await first.close();
    }

    const second = await createRuntime(embeddedConfig());
    try {
      const call = clientFor(second);
      // The token is still correctly signed (same generated secret), but its session lived in memory.
      await expect(call({ token }).caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      const signIn = call();
      const login = await signIn.caller.auth.login({ email: input.email, password: STRONG_PASSWORD });
      expect(login.stores.map((s) => s.name)).toEqual(['Persistent Growers']);
      expect((await call({ token: signIn.resHeaders.get(TOKEN_HEADER) }).caller.auth.me()).user.email).toBe(
        input.email,
      );
    } finally {
      await second.close();
    }
  });
});

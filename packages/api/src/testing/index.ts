import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedisKeyValueStore } from '@pf/adapters';
import { users } from '@pf/db';
import { createTestDatabase, type TestDatabase } from '@pf/db/testing';
import type { Clock, RegisterInput } from '@pf/domain';
import { loadConfig } from '../config';
import type { AppDeps } from '../deps';
import { createLogger, type Logger } from '../logger';
import { createAppRouter } from '../routers/root';
import { REFRESH_HEADER, SESSION_HEADER, TOKEN_HEADER } from '../routers/tokens';
import { createRuntime } from '../runtime';
import { createContextFactory } from '../trpc/context';
import { createCallerFactory } from '../trpc/init';

/** A clock tests can move forward (token expiry, refresh reuse windows). */
export function createTestClock() {
  let offsetMs = 0;
  return {
    now: () => new Date(Date.now() + offsetMs),
    advance(ms: number) {
      offsetMs += ms;
    },
  };
}

/** The test app's signing secret: a server process that must accept its tokens runs with the same one. */
export const TEST_AUTH_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';

export const testRedisUrl = () => process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface CallOptions {
  token?: string | null;
  browserSessionId?: string;
  idempotencyKey?: string;
  /** The socket address the request arrives from (the client, or the proxy in front of the app). */
  ip?: string;
  headers?: Record<string, string>;
}

/**
 * A real app over a fresh PostgreSQL database (cloned from the migrated template) and a private Redis key
 * prefix. `call()` returns a tRPC caller plus the response headers it wrote (tokens live there).
 */
export async function createTestApp(
  env: Record<string, string> = {},
  options: { clock?: Clock; logger?: Logger } = {},
) {
  const database: TestDatabase = await createTestDatabase();
  const redisKeyPrefix = `pf-test:${randomBytes(6).toString('hex')}:`;
  const kv = createRedisKeyValueStore(testRedisUrl(), redisKeyPrefix);
  // Local object storage in a private temp folder, removed on close (a test may point STORAGE_ROOT elsewhere).
  const storageRoot = mkdtempSync(join(tmpdir(), 'pf-test-storage-'));
  const config = loadConfig({
    APP_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: testRedisUrl(),
    AUTH_SECRET: TEST_AUTH_SECRET,
    // Cheaper hashing keeps the suite fast; the algorithm and code path are the production ones.
    ARGON2_MEMORY_KIB: '4096',
    ARGON2_TIME_COST: '1',
    STORAGE_ROOT: storageRoot,
    ...env,
  });
  const runtime = await createRuntime(config, {
    dbHandle: database,
    kv,
    logger: options.logger ?? createLogger('silent'),
    clock: options.clock,
  });
  const router = createAppRouter({ devAdminRegister: config.ENABLE_DEV_ADMIN_REGISTER });
  const createCaller = createCallerFactory(router);
  const createContext = createContextFactory(runtime.deps);

  const call = (options: CallOptions = {}) => {
    const headers = new Headers(options.headers);
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.idempotencyKey) headers.set('idempotency-key', options.idempotencyKey);
    // As the web server does (apps/web/server/main.mjs): the socket address `ip` ends X-Forwarded-For, after
    // whatever a test sent in `headers` as the client's or its proxies' entries.
    const claimed = headers.get('x-forwarded-for');
    const socket = options.ip ?? '203.0.113.10';
    headers.set('x-forwarded-for', claimed ? `${claimed}, ${socket}` : socket);
    const resHeaders = new Headers();
    const ctx = createContext({ headers, resHeaders, browserSessionId: options.browserSessionId ?? null });
    return { caller: createCaller(ctx), resHeaders };
  };

  return {
    deps: runtime.deps as AppDeps,
    router,
    database,
    /** Sessions and rate limits live under it: a server process sharing them runs with the same prefix. */
    redisKeyPrefix,
    call,
    close: async () => {
      await runtime.close();
      rmSync(storageRoot, { recursive: true, force: true });
    },
  };
}
export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export const tokensFrom = (resHeaders: Headers) => ({
  accessToken: resHeaders.get(TOKEN_HEADER),
  refreshToken: resHeaders.get(REFRESH_HEADER),
  sessionId: resHeaders.get(SESSION_HEADER),
});

export const uniqueEmail = (prefix = 'user') => `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
export const STRONG_PASSWORD = 'Correct-horse-42';

export const registerInputFor = (overrides: Partial<RegisterInput> = {}): RegisterInput => ({
  firstName: 'Riley',
  lastName: 'Stone',
  email: uniqueEmail(),
  password: STRONG_PASSWORD,
  companyName: `Store ${randomUUID().slice(0, 6)}`,
  storeType: 'vendor',
  acceptTos: true,
  address: {
    line1: '1 Main St',
    city: 'Tulsa',
    state: 'OK',
    postalCode: '74103',
    country: 'US',
    lat: 36.15,
    lng: -95.99,
  },
  ...overrides,
});

/** Registers a store owner and returns their tokens and ids. */
export async function registerOwner(app: TestApp, overrides: Partial<RegisterInput> = {}) {
  const input = registerInputFor(overrides);
  const { caller, resHeaders } = app.call({
    idempotencyKey: randomUUID(),
    ip: `198.51.100.${Math.floor(Math.random() * 250)}`,
  });
  const result = await caller.auth.register(input);
  const tokens = tokensFrom(resHeaders);
  if (!tokens.accessToken || !result.activeStoreId) throw new Error('register did not deliver a session');
  return {
    input,
    result,
    token: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    storeId: result.activeStoreId,
    userId: result.user.id,
  };
}

/** Signs in and returns the access token. */
export async function signIn(app: TestApp, email: string, password: string, ip?: string) {
  const { caller, resHeaders } = app.call({ ip });
  const result = await caller.auth.login({ email, password });
  const tokens = tokensFrom(resHeaders);
  if (!tokens.accessToken) throw new Error('login did not deliver a token');
  return { result, token: tokens.accessToken, refreshToken: tokens.refreshToken };
}

/**
 * A system admin written straight to the database, as the demo seed does (no procedure creates admins
 * unless ENABLE_DEV_ADMIN_REGISTER is set), then signed in through the admin login.
 */
export async function createAdmin(
  app: TestApp,
  options: { email?: string; password?: string; firstName?: string; lastName?: string; ip?: string } = {},
) {
  const email = options.email ?? uniqueEmail('admin');
  const password = options.password ?? STRONG_PASSWORD;
  const [user] = await app.deps.db
    .insert(users)
    .values({
      email,
      passwordHash: await app.deps.hasher.hash(password),
      firstName: options.firstName ?? 'Ada',
      lastName: options.lastName ?? 'Admin',
      systemRole: 'admin',
    })
    .returning({ id: users.id });
  if (!user) throw new Error('admin insert returned nothing');
  // Its own address, so sign-in limits never couple this set-up to the test's own attempts.
  const { caller, resHeaders } = app.call({ ip: options.ip ?? `198.18.${randomInt(256)}.${randomInt(256)}` });
  const result = await caller.admin.auth.login({ email, password });
  const token = tokensFrom(resHeaders).accessToken;
  if (!token) throw new Error('admin login did not deliver a token');
  return { token, userId: user.id, email, password, result };
}

/** Awaits a call that must fail and returns the stable error code and the error for further checks. */
export async function failureOf(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; violations: { path: string }[] }> {
  try {
    await promise;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message: string; violations?: { path: string }[] } }).cause;
    if (cause?.code) return { code: cause.code, message: cause.message, violations: cause.violations ?? [] };
    throw error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

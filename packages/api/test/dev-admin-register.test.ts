import { users } from '@pf/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createTestApp, failureOf, STRONG_PASSWORD, type TestApp, tokensFrom, uniqueEmail } from '../src/testing';
import { createContextFactory } from '../src/trpc/context';

/** What scripts/start.sh and the Procfile set when the operator sets nothing. */
const DEFAULT_START_ENV = {
  APP_ENV: 'development',
  DATA_DIR: '/tmp/pf-default-start',
  PORT: '3000',
  NEXTAUTH_URL: 'http://localhost:3000',
  APP_URL: 'http://localhost:3000',
};
const PRODUCTION_ENV = {
  APP_ENV: 'production',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/packfinderz',
  REDIS_URL: 'redis://127.0.0.1:6379',
  AUTH_SECRET: 'production-secret-that-is-long-enough-for-hs256',
  STORAGE_SIGNING_SECRET: 'storage-secret-that-is-long-enough-for-hmac',
};
const registerInput = () => ({
  email: uniqueEmail('admin'),
  password: STRONG_PASSWORD,
  firstName: 'Ad',
  lastName: 'Min',
});

/** One POST through tRPC's fetch adapter, as a client without any token would send it. */
const post = (app: TestApp, path: string, body: unknown) =>
  fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
    router: app.router,
    createContext: ({ req, resHeaders }) =>
      createContextFactory(app.deps)({ headers: req.headers, resHeaders, browserSessionId: null }),
  });

/** The parts of an error answer that do not name the path. */
const shapeOf = async (response: Response, path: string) => {
  const body = (await response.json()) as { error: { message: string; data: Record<string, unknown> } };
  const { requestId: _requestId, path: _path, ...data } = body.error.data;
  return { status: response.status, message: body.error.message.replaceAll(path, '<path>'), data };
};

describe('with the default start settings (no ENABLE_DEV_ADMIN_REGISTER)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ APP_ENV: 'development' });
  });
  afterAll(() => app.close());

  it('the setting is off', () => {
    expect(loadConfig(DEFAULT_START_ENV).ENABLE_DEV_ADMIN_REGISTER).toBe(false);
    expect(app.deps.config.ENABLE_DEV_ADMIN_REGISTER).toBe(false);
  });

  it('admin.auth.devRegister answers NOT_FOUND exactly like a procedure that does not exist, creating nobody', async () => {
    const input = registerInput();
    const refused = await post(app, 'admin.auth.devRegister', input);
    const unknown = await post(app, 'admin.auth.noSuchProcedure', input);
    expect(refused.status).toBe(404);
    expect(refused.headers.get('x-pf-token')).toBeNull();
    expect(await shapeOf(refused, 'admin.auth.devRegister')).toEqual(
      await shapeOf(unknown, 'admin.auth.noSuchProcedure'),
    );
    expect(await app.deps.db.select().from(users).where(eq(users.email, input.email))).toHaveLength(0);
    expect(await app.deps.db.select().from(users).where(eq(users.systemRole, 'admin'))).toHaveLength(0);
  });
});

describe('production', () => {
  it('refuses ENABLE_DEV_ADMIN_REGISTER when the configuration is validated, naming the key', () => {
    expect(loadConfig(PRODUCTION_ENV).ENABLE_DEV_ADMIN_REGISTER).toBe(false);
    for (const value of ['1', 'true']) {
      expect(() => loadConfig({ ...PRODUCTION_ENV, ENABLE_DEV_ADMIN_REGISTER: value })).toThrow(
        /ENABLE_DEV_ADMIN_REGISTER: must not be enabled in production/,
      );
    }
    expect(loadConfig({ ...PRODUCTION_ENV, ENABLE_DEV_ADMIN_REGISTER: '0' }).ENABLE_DEV_ADMIN_REGISTER).toBe(false);
  });
});

describe('explicitly enabled (ENABLE_DEV_ADMIN_REGISTER=1, outside production)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ ENABLE_DEV_ADMIN_REGISTER: '1' });
  });
  afterAll(() => app.close());

  it('creates a storeless admin and signs them in; the same email twice is a CONFLICT', async () => {
    const input = registerInput();
    const { caller, resHeaders } = app.call();
    const created = await caller.admin.auth.devRegister(input);
    expect(created.user.systemRole).toBe('admin');
    expect(created.activeStoreId).toBeNull();
    expect(tokensFrom(resHeaders).refreshToken).toBeTruthy();
    const login = await app.call().caller.admin.auth.login({ email: input.email, password: input.password });
    expect(login.user.id).toBe(created.user.id);
    expect((await failureOf(app.call().caller.admin.auth.devRegister(input))).code).toBe('CONFLICT');
  });
});

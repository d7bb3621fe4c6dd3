import { randomUUID } from 'node:crypto';
import { storeMemberships, stores, users } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createTestClock,
  failureOf,
  registerInputFor,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  tokensFrom,
  uniqueEmail,
} from '../src/testing';

let app: TestApp;
const clock = createTestClock();
beforeAll(async () => {
  app = await createTestApp({}, { clock });
});
afterAll(() => app.close());

describe('register', () => {
  it('creates the user, the store and an active owner membership, and delivers both tokens in headers', async () => {
    const { result, token, refreshToken, storeId, userId } = await registerOwner(app, { storeType: 'buyer' });
    expect(JSON.stringify(result)).not.toContain(token);
    expect(refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [membership] = await app.deps.db.select().from(storeMemberships).where(eq(storeMemberships.userId, userId));
    expect(membership).toMatchObject({ storeId, role: 'owner', status: 'active' });
    const me = await app.call({ token }).caller.auth.me();
    expect(me.activeStore).toMatchObject({ id: storeId, type: 'buyer', role: 'owner' });
  });

  it('lets an existing user add a store after proving the password, and refuses a wrong one without writing', async () => {
    const owner = await registerOwner(app);
    const second = await app
      .call({ idempotencyKey: randomUUID() })
      .caller.auth.register(
        registerInputFor({ email: owner.input.email, companyName: 'Second Location', storeType: 'buyer' }),
      );
    expect(second.user.id).toBe(owner.userId);
    expect(second.stores.map((s) => s.name)).toContain('Second Location');
    expect(second.activeStoreId).not.toBe(owner.storeId);

    const before = await app.deps.db.select().from(stores).where(eq(stores.ownerUserId, owner.userId));
    const failure = await failureOf(
      app
        .call({ idempotencyKey: randomUUID() })
        .caller.auth.register(
          registerInputFor({ email: owner.input.email, password: 'Wrong-password-1', companyName: 'Third' }),
        ),
    );
    expect(failure.code).toBe('UNAUTHORIZED');
    const after = await app.deps.db.select().from(stores).where(eq(stores.ownerUserId, owner.userId));
    expect(after).toHaveLength(before.length);
  });

  it('rejects a weak password for a new account with a violation on the password field', async () => {
    const input = registerInputFor({ password: 'password' });
    const failure = await failureOf(app.call({ idempotencyKey: randomUUID() }).caller.auth.register(input));
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect(failure.violations.map((v) => v.path)).toContain('password');
    expect(await app.deps.db.select().from(users).where(eq(users.email, input.email))).toHaveLength(0);
  });
});

describe('login', () => {
  it('returns the stores and signs in to the first active one by name', async () => {
    const owner = await registerOwner(app, { companyName: 'Zeta Farms' });
    const { result } = await signIn(app, owner.input.email, STRONG_PASSWORD);
    expect(result.activeStoreId).toBe(owner.storeId);
    expect(result.user.lastLoginAt).not.toBeNull();
  });

  it('answers the same error for an unknown email and a wrong password', async () => {
    const owner = await registerOwner(app);
    const wrong = await failureOf(app.call().caller.auth.login({ email: owner.input.email, password: 'nope-nope-1' }));
    const unknown = await failureOf(
      app.call().caller.auth.login({ email: uniqueEmail('ghost'), password: 'nope-nope-1' }),
    );
    expect(wrong).toEqual(unknown);
    expect(wrong.code).toBe('UNAUTHORIZED');
  });

  it('refuses a deactivated account', async () => {
    const owner = await registerOwner(app);
    await app.deps.db.update(users).set({ isActive: false }).where(eq(users.id, owner.userId));
    expect((await failureOf(signIn(app, owner.input.email, STRONG_PASSWORD))).code).toBe('UNAUTHORIZED');
    expect((await failureOf(app.call({ token: owner.token }).caller.auth.me())).code).toBe('UNAUTHORIZED');
  });
});

describe('logout', () => {
  it('ends the session at once, even for a still-valid access token', async () => {
    const owner = await registerOwner(app);
    await app.call({ token: owner.token }).caller.auth.logout();
    expect((await failureOf(app.call({ token: owner.token }).caller.auth.me())).code).toBe('UNAUTHORIZED');
    const refresh = app.call().caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' });
    expect((await failureOf(refresh)).code).toBe('UNAUTHORIZED');
  });
});

describe('refresh', () => {
  it('rotates both tokens; the new pair works and the old access token dies with its session', async () => {
    const owner = await registerOwner(app);
    const { caller, resHeaders } = app.call();
    await caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' });
    const next = tokensFrom(resHeaders);
    expect(next.refreshToken).not.toBe(owner.refreshToken);
    expect((await app.call({ token: next.accessToken }).caller.auth.me()).activeStoreId).toBe(owner.storeId);
    expect((await failureOf(app.call({ token: owner.token }).caller.auth.me())).code).toBe('UNAUTHORIZED');
  });

  it('revokes the whole family when a spent refresh token is presented again after the grace window', async () => {
    const owner = await registerOwner(app);
    const first = app.call();
    await first.caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' });
    const rotated = tokensFrom(first.resHeaders);
    clock.advance(11_000);

    const replay = await failureOf(app.call().caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' }));
    expect(replay.code).toBe('UNAUTHORIZED');
    expect((await failureOf(app.call({ token: rotated.accessToken }).caller.auth.me())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(app.call().caller.auth.refresh({ refreshToken: rotated.refreshToken ?? '' }))).code).toBe(
      'UNAUTHORIZED',
    );
  });

  it('two concurrent refreshes with one token: exactly one wins and its family survives (double submit)', async () => {
    const owner = await registerOwner(app);
    const attempts = Array.from({ length: 5 }, () => app.call());
    const outcomes = await Promise.allSettled(
      attempts.map((a) => a.caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const winner = attempts[outcomes.findIndex((o) => o.status === 'fulfilled')];
    const winnerTokens = tokensFrom(winner?.resHeaders ?? new Headers());
    expect((await app.call({ token: winnerTokens.accessToken }).caller.auth.me()).user.id).toBe(owner.userId);
    // The winner's refresh token keeps working: the family was not revoked.
    await app.call().caller.auth.refresh({ refreshToken: winnerTokens.refreshToken ?? '' });
  });
});

describe('switch store', () => {
  it('re-issues the session for the chosen store and delivers both tokens', async () => {
    const owner = await registerOwner(app, { companyName: 'Alpha Vendor', storeType: 'vendor' });
    const other = await app
      .call({ idempotencyKey: randomUUID() })
      .caller.auth.register(
        registerInputFor({ email: owner.input.email, companyName: 'Beta Buyer', storeType: 'buyer' }),
      );
    const { token } = await signIn(app, owner.input.email, STRONG_PASSWORD);
    const targetId = other.activeStoreId ?? '';
    const { caller, resHeaders } = app.call({ token });
    const me = await caller.auth.switchStore({ storeId: targetId });
    expect(me.activeStore).toMatchObject({ id: targetId, type: 'buyer' });
    const issued = tokensFrom(resHeaders);
    expect(issued.accessToken).toBeTruthy();
    expect(issued.refreshToken).toBeTruthy();
    expect((await app.call({ token: issued.accessToken }).caller.store.me.get()).id).toBe(targetId);
    // The refreshed pair keeps the switched store.
    const refreshed = app.call();
    await refreshed.caller.auth.refresh({ refreshToken: issued.refreshToken ?? '' });
    const after = await app.call({ token: tokensFrom(refreshed.resHeaders).accessToken }).caller.auth.me();
    expect(after.activeStoreId).toBe(targetId);
    // The pre-switch token is gone.
    expect((await failureOf(app.call({ token }).caller.auth.me())).code).toBe('UNAUTHORIZED');
  });

  it('refuses a store the user is not an active member of', async () => {
    const owner = await registerOwner(app);
    const stranger = await registerOwner(app);
    const failure = await failureOf(
      app.call({ token: owner.token }).caller.auth.switchStore({ storeId: stranger.storeId }),
    );
    expect(failure.code).toBe('FORBIDDEN');
  });
});

describe('admin and agent sign-in', () => {
  it('an admin (created as the seed does) signs in storeless; store login is refused to admins', async () => {
    const { email, result } = await createAdmin(app);
    expect(result.user.systemRole).toBe('admin');
    expect(result.activeStoreId).toBeNull();
    expect(result.stores).toEqual([]);
    expect((await failureOf(signIn(app, email, STRONG_PASSWORD))).code).toBe('UNAUTHORIZED');
  });

  it('admin login refuses a store owner', async () => {
    const owner = await registerOwner(app);
    const failure = await failureOf(
      app.call().caller.admin.auth.login({ email: owner.input.email, password: STRONG_PASSWORD }),
    );
    expect(failure.code).toBe('UNAUTHORIZED');
  });

  it('an admin creates an agent, who signs in through the normal login without a store', async () => {
    const { token: adminToken } = await createAdmin(app);
    const agentEmail = uniqueEmail('agent');
    const agent = await app.call({ token: adminToken, idempotencyKey: randomUUID() }).caller.admin.agents.create({
      email: agentEmail,
      password: STRONG_PASSWORD,
      firstName: 'Jo',
      lastName: 'Driver',
    });
    expect(agent.systemRole).toBe('agent');
    const listed = await app.call({ token: adminToken }).caller.admin.agents.list();
    expect(listed.map((a) => a.email)).toContain(agentEmail);
    const { result, token } = await signIn(app, agentEmail, STRONG_PASSWORD);
    expect(result.activeStoreId).toBeNull();
    expect((await app.call({ token }).caller.system.whoami()).systemRole).toBe('agent');
  });
});

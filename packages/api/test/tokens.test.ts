import { randomUUID } from 'node:crypto';
import { decodeJwt, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAdmin,
  createTestApp,
  createTestClock,
  failureOf,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  uniqueEmail,
} from '../src/testing';
import { addMember, freshIp, RELAXED_LIMITS } from './helpers';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const clock = createTestClock();
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ ...RELAXED_LIMITS, AUTH_SECRET: SECRET }, { clock });
});
afterAll(() => app.close());

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface ForgeOptions {
  secret?: string;
  issuer?: string;
  audience?: string;
  alg?: 'HS256' | 'HS384' | 'HS512';
  subject?: string;
  claims?: Record<string, unknown>;
}

/** Signs a token exactly like the server would, except for what the test changes. */
async function forge(real: string, options: ForgeOptions = {}) {
  const genuine = decodeJwt(real);
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ sid: genuine.sid, use: 'access', ...options.claims })
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setSubject(options.subject ?? String(genuine.sub))
    .setIssuer(options.issuer ?? 'packfinderz')
    .setAudience(options.audience ?? 'packfinderz-api')
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(options.secret ?? SECRET));
}

/** Every way a request can present credentials must fail the same way on every kind of procedure. */
async function expectUnauthorized(headers: Record<string, string>) {
  const callers = [app.call({ headers }).caller, app.call({ headers, idempotencyKey: randomUUID() }).caller];
  for (const caller of callers) {
    expect((await failureOf(caller.auth.me())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(caller.store.me.get())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(caller.system.whoami())).code).toBe('UNAUTHORIZED');
    expect((await failureOf(caller.admin.agents.list())).code).toBe('UNAUTHORIZED');
  }
}
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('access token verification', () => {
  it('a token forged with the real secret, issuer and audience is accepted (control for the cases below)', async () => {
    const owner = await registerOwner(app);
    const token = await forge(owner.token);
    expect((await app.call({ token }).caller.auth.me()).user.id).toBe(owner.userId);
  });

  it('rejects alg "none" tokens, however they are built', async () => {
    const owner = await registerOwner(app);
    const genuine = decodeJwt(owner.token);
    const unsecured = new UnsecuredJWT({ sid: genuine.sid, use: 'access' })
      .setSubject(String(genuine.sub))
      .setIssuer('packfinderz')
      .setAudience('packfinderz-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .encode();
    const [, payload] = owner.token.split('.');
    await expectUnauthorized(bearer(unsecured));
    // By hand: the genuine payload under a "none" header, with and without the original signature.
    await expectUnauthorized(bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${payload}.`));
    await expectUnauthorized(bearer(`${b64url({ alg: 'none' })}.${payload}.${owner.token.split('.')[2]}`));
    await expectUnauthorized(bearer(`${b64url({ alg: 'NONE', typ: 'JWT' })}.${payload}.`));
    // The genuine token still works: only the forgeries were refused.
    expect((await app.call({ token: owner.token }).caller.auth.me()).user.id).toBe(owner.userId);
  });

  it('rejects a wrong issuer, a wrong audience, another secret and another HMAC algorithm', async () => {
    const owner = await registerOwner(app);
    await expectUnauthorized(bearer(await forge(owner.token, { issuer: 'someone-else' })));
    await expectUnauthorized(bearer(await forge(owner.token, { audience: 'another-api' })));
    await expectUnauthorized(
      bearer(await forge(owner.token, { secret: 'another-secret-that-is-long-enough-for-hs256' })),
    );
    await expectUnauthorized(bearer(await forge(owner.token, { alg: 'HS512' })));
    await expectUnauthorized(bearer(await forge(owner.token, { claims: { use: 'refresh' } })));
  });

  it("rejects a token whose subject is not the session's user", async () => {
    const victim = await registerOwner(app);
    const attacker = await registerOwner(app);
    // Signed with the real secret (as if it leaked): the attacker's session, the victim's user id.
    await expectUnauthorized(bearer(await forge(attacker.token, { subject: victim.userId })));
  });

  it('rejects a refresh token presented as the bearer access token', async () => {
    const owner = await registerOwner(app);
    await expectUnauthorized(bearer(owner.refreshToken ?? ''));
    // The refresh token itself was not spent by that.
    await app.call().caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' });
  });

  it('rejects garbage Authorization headers', async () => {
    const owner = await registerOwner(app);
    const garbage = [
      'Bearer garbage',
      'Bearer a.b.c',
      'Bearer ...',
      `Bearer ${owner.token}x`,
      `Bearer ${owner.token.split('.').slice(0, 2).join('.')}`,
      `Basic ${Buffer.from(`${owner.input.email}:${STRONG_PASSWORD}`).toString('base64')}`,
      owner.token,
      `Token ${owner.token}`,
      'Bearer',
      `Bearer ${owner.token} ${owner.token}`,
      `Bearer ${'A'.repeat(10_000)}`,
    ];
    for (const authorization of garbage) await expectUnauthorized({ authorization });
  });

  it('an expired token is rejected everywhere, but logout still accepts it and ends the session', async () => {
    const owner = await registerOwner(app);
    expect((await app.call({ token: owner.token }).caller.auth.me()).user.id).toBe(owner.userId);
    clock.advance((app.deps.config.ACCESS_TOKEN_TTL_MINUTES + 1) * 60_000);
    await expectUnauthorized(bearer(owner.token));
    const expiredMessage = await failureOf(app.call({ token: owner.token }).caller.auth.me());
    expect(expiredMessage.message).toMatch(/expired/);

    expect(await app.call({ token: owner.token }).caller.auth.logout()).toEqual({ status: 'logged_out' });
    // The session is gone: its refresh token no longer works.
    expect((await failureOf(app.call().caller.auth.refresh({ refreshToken: owner.refreshToken ?? '' }))).code).toBe(
      'UNAUTHORIZED',
    );
    // Logout still refuses a forged token.
    const forged = await forge(owner.token, { secret: 'another-secret-that-is-long-enough-for-hs256' });
    expect((await failureOf(app.call({ token: forged }).caller.auth.logout())).code).toBe('UNAUTHORIZED');
  });
});

describe('no active store (PF-196)', () => {
  it('an agent, who has no store, is refused store procedures with FORBIDDEN', async () => {
    const { token: adminToken } = await createAdmin(app, { ip: freshIp() });
    const agentEmail = uniqueEmail('agent');
    await app.call({ token: adminToken, idempotencyKey: randomUUID() }).caller.admin.agents.create({
      email: agentEmail,
      password: STRONG_PASSWORD,
      firstName: 'Age',
      lastName: 'Nt',
    });
    const { token } = await signIn(app, agentEmail, STRONG_PASSWORD, freshIp());
    const agent = app.call({ token, idempotencyKey: randomUUID() }).caller;
    expect((await failureOf(agent.store.me.get())).code).toBe('FORBIDDEN');
    expect((await failureOf(agent.store.members.list())).code).toBe('FORBIDDEN');
    expect(
      (
        await failureOf(
          agent.store.members.invite({ email: uniqueEmail(), firstName: 'A', lastName: 'B', role: 'staff' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    // Admin tokens have no store either.
    expect((await failureOf(app.call({ token: adminToken }).caller.store.me.get())).code).toBe('FORBIDDEN');
  });

  it('a user whose only membership was removed keeps an account but is refused store procedures', async () => {
    const owner = await registerOwner(app);
    const member = await addMember(app, owner.token, owner.storeId, 'manager');
    await app.call({ token: owner.token }).caller.store.members.remove({ userId: member.userId });
    const caller = app.call({ token: member.token, idempotencyKey: randomUUID() }).caller;
    expect((await failureOf(caller.store.me.get())).code).toBe('FORBIDDEN');
    expect((await failureOf(caller.store.members.list())).code).toBe('FORBIDDEN');
    expect((await failureOf(caller.store.me.update({ description: 'x' }))).code).toBe('FORBIDDEN');
    expect((await caller.auth.me()).activeStoreId).toBeNull();
    // With no store left and no system role, a fresh sign-in is refused.
    expect((await failureOf(signIn(app, member.email, member.password, freshIp()))).code).toBe('UNAUTHORIZED');
  });
});

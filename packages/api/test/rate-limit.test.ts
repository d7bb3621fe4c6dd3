import { randomUUID } from 'node:crypto';
import { users } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  failureOf,
  registerInputFor,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  uniqueEmail,
} from '../src/testing';
import { freshIp } from './helpers';

const codesOf = async (attempts: Promise<unknown>[]) => {
  const settled = await Promise.allSettled(attempts);
  const codes: Record<string, number> = {};
  for (const outcome of settled) {
    const code =
      outcome.status === 'fulfilled'
        ? 'OK'
        : ((outcome.reason as { cause?: { code?: string } }).cause?.code ?? String(outcome.reason));
    codes[code] = (codes[code] ?? 0) + 1;
  }
  return codes;
};

describe('auth rate limits (defaults: login 20/IP and 5/email a minute, register 20/IP and 3/email per 5 minutes)', () => {
  let app: TestApp;
  beforeAll(async () => {
    // The per-client share of the hash queue (4 in flight) is tested in client-ip.test.ts and below; here a burst
    // from one address must meet only the limits counted, or one of the five allowed verifications could be
    // refused by the share whenever all five happen to be in flight at once (seen on a busy CI machine).
    app = await createTestApp({ HASH_IN_FLIGHT_PER_IP: '1000' });
  });
  afterAll(() => app.close());

  it('1,000 wrong passwords for one account from one IP cost at most 5 Argon2 verifications', async () => {
    expect(app.deps.config.LOGIN_LIMIT_PER_EMAIL).toBe(5);
    const victim = await registerOwner(app);
    const ip = freshIp();
    const before = { ...app.deps.hasher.stats };

    const codes: Record<string, number> = {};
    for (let batch = 0; batch < 10; batch++) {
      const outcome = await codesOf(
        Array.from({ length: 100 }, () =>
          app.call({ ip }).caller.auth.login({ email: victim.input.email, password: 'Wrong-password-1' }),
        ),
      );
      for (const [code, n] of Object.entries(outcome)) codes[code] = (codes[code] ?? 0) + n;
    }

    expect(codes).toEqual({ UNAUTHORIZED: 5, RATE_LIMIT_EXCEEDED: 995 });
    expect(app.deps.hasher.stats.verifies - before.verifies).toBe(5);
    expect(app.deps.hasher.stats.hashes - before.hashes).toBe(0);
    // The limiter answers before the password is looked at: even the right password is refused now.
    const right = await failureOf(signIn(app, victim.input.email, STRONG_PASSWORD, freshIp()));
    expect(right.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(app.deps.hasher.stats.verifies - before.verifies).toBe(5);
  });

  it('the per-email limit holds across IPs and letter case', async () => {
    const victim = await registerOwner(app);
    const before = app.deps.hasher.stats.verifies;
    const attempts = Array.from({ length: 30 }, (_, i) =>
      app.call({ ip: freshIp() }).caller.auth.login({
        email: i % 2 ? victim.input.email.toUpperCase() : ` ${victim.input.email} `,
        password: 'Wrong-password-1',
      }),
    );
    expect(await codesOf(attempts)).toEqual({ UNAUTHORIZED: 5, RATE_LIMIT_EXCEEDED: 25 });
    expect(app.deps.hasher.stats.verifies - before).toBe(5);
  });

  it('the per-IP limit (20) applies across different emails, known or not', async () => {
    const ip = freshIp();
    const known = await registerOwner(app);
    const before = app.deps.hasher.stats.verifies;
    // One after another: a burst at once would also meet the per-client hash share (tested below).
    const codes: Record<string, number> = {};
    for (let i = 0; i < 30; i++) {
      const attempt = app.call({ ip }).caller.auth.login({
        email: i === 0 ? known.input.email : uniqueEmail('spray'),
        password: 'Wrong-password-1',
      });
      for (const [code, n] of Object.entries(await codesOf([attempt]))) codes[code] = (codes[code] ?? 0) + n;
    }
    expect(codes).toEqual({ UNAUTHORIZED: 20, RATE_LIMIT_EXCEEDED: 10 });
    expect(app.deps.hasher.stats.verifies - before).toBe(20);
    // Another address is unaffected.
    await signIn(app, known.input.email, STRONG_PASSWORD, freshIp());
  });

  it('register allows 3 attempts per email in its window, then refuses without hashing or writing', async () => {
    const email = uniqueEmail('signup');
    const before = { ...app.deps.hasher.stats };
    // A new email with a weak password: each attempt is counted, none is hashed.
    for (let i = 0; i < 3; i++) {
      const failure = await failureOf(
        app
          .call({ ip: freshIp(), idempotencyKey: randomUUID() })
          .caller.auth.register(registerInputFor({ email, password: 'weakweak' })),
      );
      expect(failure.code).toBe('VALIDATION_ERROR');
    }
    const limited = await failureOf(
      app.call({ ip: freshIp(), idempotencyKey: randomUUID() }).caller.auth.register(registerInputFor({ email })),
    );
    expect(limited.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(app.deps.hasher.stats.hashes).toBe(before.hashes);
    expect(await app.deps.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it('register for an existing email (password check) shares the register limit', async () => {
    const owner = await registerOwner(app);
    const before = app.deps.hasher.stats.verifies;
    const attempts = Array.from({ length: 10 }, () =>
      app
        .call({ ip: freshIp(), idempotencyKey: randomUUID() })
        .caller.auth.register(registerInputFor({ email: owner.input.email, password: 'Wrong-password-1' })),
    );
    // registerOwner already used one of the 3.
    expect(await codesOf(attempts)).toEqual({ UNAUTHORIZED: 2, RATE_LIMIT_EXCEEDED: 8 });
    expect(app.deps.hasher.stats.verifies - before).toBe(2);
  });

  it('register allows 20 attempts per IP in its window across emails', async () => {
    const ip = freshIp();
    const before = app.deps.hasher.stats.hashes;
    const codes: Record<string, number> = {};
    for (let i = 0; i < 22; i++) {
      const outcome = await codesOf([
        app.call({ ip, idempotencyKey: randomUUID() }).caller.auth.register(registerInputFor()),
      ]);
      for (const [code, n] of Object.entries(outcome)) codes[code] = (codes[code] ?? 0) + n;
    }
    expect(codes).toEqual({ OK: 20, RATE_LIMIT_EXCEEDED: 2 });
    expect(app.deps.hasher.stats.hashes - before).toBe(20);
  });
});

// Thirty production-strength hashes to set up: a generous limit for a busy machine (not an assertion).
describe('password hashing concurrency cap', { timeout: 60_000 }, () => {
  let app: TestApp;
  beforeAll(async () => {
    // Production-strength Argon2 parameters, so a verification lasts long enough for a burst to pile up.
    app = await createTestApp({
      HASH_CONCURRENCY: '1',
      HASH_QUEUE_MAX: '2',
      ARGON2_MEMORY_KIB: '19456',
      ARGON2_TIME_COST: '2',
    });
  });
  afterAll(() => app.close());

  it('refuses logins beyond the queue with OVERLOADED instead of queueing them all', async () => {
    const accounts = [];
    for (let i = 0; i < 30; i++) accounts.push(await registerOwner(app));
    const before = { ...app.deps.hasher.stats };

    const codes = await codesOf(
      accounts.map((account) => signIn(app, account.input.email, STRONG_PASSWORD, freshIp())),
    );
    expect(codes.OVERLOADED ?? 0).toBeGreaterThan(0);
    expect(codes.OK ?? 0).toBeGreaterThan(0);
    expect((codes.OK ?? 0) + (codes.OVERLOADED ?? 0)).toBe(accounts.length);
    const refused = app.deps.hasher.stats.refused - before.refused;
    expect(refused).toBe(codes.OVERLOADED);
    // Refused requests never ran Argon2: at most one running plus two queued at any moment were admitted.
    expect(app.deps.hasher.stats.verifies - before.verifies).toBe(codes.OK);

    // Once the burst is over, the same accounts sign in normally.
    for (const account of accounts.slice(0, 3)) await signIn(app, account.input.email, STRONG_PASSWORD, freshIp());
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { idempotencyKeys, storeMemberships, stores, users } from '@pf/db';
import type { InviteMemberInput } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  failureOf,
  registerInputFor,
  registerOwner,
  type TestApp,
  tokensFrom,
  uniqueEmail,
} from '../src/testing';
import { addMember, freshIp, idempotencyRowCount, RELAXED_LIMITS, rowCounts } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());

const inviteInput = (overrides: Partial<InviteMemberInput> = {}): InviteMemberInput => ({
  email: uniqueEmail('invitee'),
  firstName: 'Ida',
  lastName: 'Empotent',
  role: 'staff',
  ...overrides,
});

const membershipsOf = (storeId: string, email: string) =>
  app.deps.db
    .select({ id: storeMemberships.id })
    .from(storeMemberships)
    .innerJoin(users, eq(users.id, storeMemberships.userId))
    .where(and(eq(storeMemberships.storeId, storeId), eq(users.email, email)));

const usersWith = (email: string) => app.deps.db.select().from(users).where(eq(users.email, email));

const inviteWith = (token: string, key: string | undefined, input: InviteMemberInput) => {
  const { caller, resHeaders } = app.call({ token, idempotencyKey: key });
  return { promise: caller.store.members.invite(input), resHeaders };
};

describe('store.members.invite (24h idempotency)', () => {
  it('requires an Idempotency-Key and writes nothing without one', async () => {
    const owner = await registerOwner(app);
    const before = { rows: await rowCounts(app), keys: await idempotencyRowCount(app) };
    const input = inviteInput();
    for (const key of [undefined, 'short', 'has spaces in it', 'x'.repeat(129)]) {
      const failure = await failureOf(inviteWith(owner.token, key, input).promise);
      expect(failure.code).toBe('VALIDATION_ERROR');
      expect(failure.message).toMatch(/Idempotency-Key/);
    }
    expect(await rowCounts(app)).toEqual(before.rows);
    expect(await idempotencyRowCount(app)).toBe(before.keys);
    expect(await usersWith(input.email)).toHaveLength(0);
  });

  it('replays the first response for a repeat with the same key and input, executing once', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const input = inviteInput();
    const first = inviteWith(owner.token, key, input);
    const original = await first.promise;
    expect(first.resHeaders.get('idempotency-replayed')).toBe('false');
    const counts = await rowCounts(app);

    const again = inviteWith(owner.token, key, input);
    // The client that lost the first response gets it back, except the one-time temporary password,
    // which is never kept in the idempotency table.
    expect(await again.promise).toEqual({ ...original, temporaryPassword: null });
    expect(again.resHeaders.get('idempotency-replayed')).toBe('true');
    expect(original.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    const stored = await app.deps.db.select().from(idempotencyKeys);
    expect(JSON.stringify(stored)).not.toContain(original.temporaryPassword);
    expect(await membershipsOf(owner.storeId, input.email)).toHaveLength(1);
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await rowCounts(app)).toEqual(counts);
  });

  it('refuses the same key with a different input (IDEMPOTENCY_KEY_REUSED) and writes nothing', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    await inviteWith(owner.token, key, inviteInput()).promise;
    const counts = await rowCounts(app);
    const other = inviteInput();
    const failure = await failureOf(inviteWith(owner.token, key, other).promise);
    expect(failure.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await usersWith(other.email)).toHaveLength(0);
    expect(await rowCounts(app)).toEqual(counts);
  });

  it('runs exactly one of several concurrent first requests with the same key; the others replay it', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const input = inviteInput();
    const attempts = Array.from({ length: 8 }, () => inviteWith(owner.token, key, input));
    const outcomes = await Promise.allSettled(attempts.map((a) => a.promise));

    // The duplicates wait for the first to commit, then replay its answer.
    expect(outcomes.map((o) => o.status)).toEqual(attempts.map(() => 'fulfilled'));
    const replayed = attempts.map((a) => a.resHeaders.get('idempotency-replayed')).sort();
    expect(replayed).toEqual(['false', ...attempts.slice(1).map(() => 'true')]);
    // Replays carry everything but the one-time temporary password.
    const successes = outcomes.flatMap((o) =>
      o.status === 'fulfilled' ? [{ ...o.value, temporaryPassword: null }] : [],
    );
    for (const success of successes) expect(success).toEqual(successes[0]);
    expect(await membershipsOf(owner.storeId, input.email)).toHaveLength(1);
    expect(await usersWith(input.email)).toHaveLength(1);
    // Once the first finished, a retry is a replay of it.
    const retry = inviteWith(owner.token, key, input);
    expect(await retry.promise).toEqual(successes[0]);
    expect(retry.resHeaders.get('idempotency-replayed')).toBe('true');
  });

  it('replays a stored client error for the same key, even after the cause went away', async () => {
    const owner = await registerOwner(app);
    const manager = await addMember(app, owner.token, owner.storeId, 'manager');
    const key = randomUUID();
    const input = inviteInput({ role: 'owner' });
    expect((await failureOf(inviteWith(manager.token, key, input).promise)).code).toBe('FORBIDDEN');

    // The manager becomes an owner; the same key still answers what it answered the first time.
    await app.call({ token: owner.token }).caller.store.members.changeRole({ userId: manager.userId, role: 'owner' });
    const replay = inviteWith(manager.token, key, input);
    expect((await failureOf(replay.promise)).code).toBe('FORBIDDEN');
    expect(replay.resHeaders.get('idempotency-replayed')).toBe('true');
    expect(await usersWith(input.email)).toHaveLength(0);
    // A new key is a new request.
    expect((await inviteWith(manager.token, randomUUID(), input).promise).member.role).toBe('owner');
  });

  it('replays a stored validation error for the same key', async () => {
    const owner = await registerOwner(app);
    const key = randomUUID();
    const bad = { ...inviteInput(), email: 'not-an-email' };
    const first = await failureOf(inviteWith(owner.token, key, bad).promise);
    expect(first.code).toBe('VALIDATION_ERROR');
    expect(first.violations.map((v) => v.path)).toEqual(['email']);
    const replay = inviteWith(owner.token, key, bad);
    expect(await failureOf(replay.promise)).toEqual(first);
    expect(replay.resHeaders.get('idempotency-replayed')).toBe('true');
  });

  it('scopes keys per user and per store: the same key elsewhere is a new request', async () => {
    const alice = await registerOwner(app);
    const bob = await registerOwner(app);
    const key = randomUUID();
    const forAlice = inviteInput();
    const forBob = inviteInput();
    const a = inviteWith(alice.token, key, forAlice);
    await a.promise;
    const b = inviteWith(bob.token, key, forBob);
    expect((await b.promise).member.email).toBe(forBob.email);
    expect(b.resHeaders.get('idempotency-replayed')).toBe('false');
    expect(await membershipsOf(bob.storeId, forBob.email)).toHaveLength(1);

    // Bob with an identical input to Alice's under the same key is not handed Alice's response either.
    const copy = inviteWith(bob.token, key, forAlice);
    const failure = await failureOf(copy.promise);
    expect(failure.code).toBe('IDEMPOTENCY_KEY_REUSED');

    // The same user in another of their stores: new scope.
    const second = await app
      .call({ idempotencyKey: randomUUID(), ip: freshIp() })
      .caller.auth.register(registerInputFor({ email: alice.input.email, companyName: 'Alice Second' }));
    const switched = app.call({ token: alice.token });
    await switched.caller.auth.switchStore({ storeId: second.activeStoreId ?? '' });
    const secondToken = tokensFrom(switched.resHeaders).accessToken ?? '';
    const inSecond = inviteWith(secondToken, key, forAlice);
    expect((await inSecond.promise).member.email).toBe(forAlice.email);
    expect(inSecond.resHeaders.get('idempotency-replayed')).toBe('false');
    expect(await membershipsOf(second.activeStoreId ?? '', forAlice.email)).toHaveLength(1);
  });
});

describe('auth.register (24h idempotency)', () => {
  const registerWith = (key: string | undefined, input = registerInputFor()) => {
    const { caller, resHeaders } = app.call({ idempotencyKey: key, ip: freshIp() });
    return { promise: caller.auth.register(input), resHeaders };
  };
  const storesNamed = (companyName: string) =>
    app.deps.db.select().from(stores).where(eq(stores.companyName, companyName));

  it('requires an Idempotency-Key and writes nothing without one', async () => {
    const before = await rowCounts(app);
    const input = registerInputFor();
    const failure = await failureOf(registerWith(undefined, input).promise);
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect(await usersWith(input.email)).toHaveLength(0);
    expect(await rowCounts(app)).toEqual(before);
  });

  it('replays the same response for the same key and input; one user and one store exist', async () => {
    const key = randomUUID();
    const input = registerInputFor();
    const first = registerWith(key, input);
    const original = await first.promise;
    expect(first.resHeaders.get('idempotency-replayed')).toBe('false');
    const again = registerWith(key, input);
    expect(await again.promise).toEqual(original);
    expect(again.resHeaders.get('idempotency-replayed')).toBe('true');
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
  });

  it('refuses the same key with a different input', async () => {
    const key = randomUUID();
    await registerWith(key).promise;
    const other = registerInputFor();
    expect((await failureOf(registerWith(key, other).promise)).code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await usersWith(other.email)).toHaveLength(0);
  });

  it('runs exactly one of several concurrent first registrations with the same key; the others replay it', async () => {
    const key = randomUUID();
    const input = registerInputFor();
    const attempts = Array.from({ length: 6 }, () => registerWith(key, input));
    const outcomes = await Promise.allSettled(attempts.map((a) => a.promise));
    expect(outcomes.map((o) => o.status)).toEqual(attempts.map(() => 'fulfilled'));
    const replayed = attempts.map((a) => a.resHeaders.get('idempotency-replayed')).sort();
    expect(replayed).toEqual(['false', ...attempts.slice(1).map(() => 'true')]);
    const answers = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(await usersWith(input.email)).toHaveLength(1);
    expect(await storesNamed(input.companyName)).toHaveLength(1);
  });
});

describe('what the idempotency table keeps', () => {
  it('never a password or an unkeyed hash of the request that carried one', async () => {
    const input = registerInputFor({ email: uniqueEmail('fingerprint') });
    const key = randomUUID();
    await app.call({ idempotencyKey: key, ip: freshIp() }).caller.auth.register(input);
    const [row] = await app.deps.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(row).toBeDefined();
    expect(JSON.stringify(row)).not.toContain(input.password);
    const plainHashes = [JSON.stringify(input), JSON.stringify(registerInputFor({ ...input }))].map((text) =>
      createHash('sha256').update(text).digest('base64url'),
    );
    expect(plainHashes).not.toContain(row?.requestHash);
  });
});

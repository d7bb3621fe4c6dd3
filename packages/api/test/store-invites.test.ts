import { randomUUID } from 'node:crypto';
import { users } from '@pf/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, signIn, type TestApp, uniqueEmail } from '../src/testing';
import { freshIp, invite, RELAXED_LIMITS } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ ...RELAXED_LIMITS, INVITE_LIMIT_PER_USER: '3', INVITE_LIMIT_PER_EMAIL: '2' });
});
afterAll(() => app.close());

describe('what a store sees of someone it invited', () => {
  it('only the email until they accept; their name and last sign-in after', async () => {
    // An account with a history of its own, invited under made-up names.
    const person = await registerOwner(app, { firstName: 'Real', lastName: 'Person' });
    await signIn(app, person.input.email, person.input.password, freshIp());
    const owner = await registerOwner(app);
    const invited = await invite(app, owner.token, { email: person.input.email, firstName: 'Guess', lastName: 'Ed' });
    const hidden = { email: person.input.email, firstName: null, lastName: null, lastLoginAt: null, status: 'invited' };
    expect(invited.member).toMatchObject(hidden);
    const team = () => app.call({ token: owner.token }).caller.store.members.list();
    expect((await team()).find((m) => m.userId === person.userId)).toMatchObject(hidden);

    await app.call({ token: person.token }).caller.store.invitations.accept({ storeId: owner.storeId });
    const joined = (await team()).find((m) => m.userId === person.userId);
    expect(joined).toMatchObject({ firstName: 'Real', lastName: 'Person', status: 'active' });
    expect(joined?.lastLoginAt).toEqual(expect.any(String));
  });
});

describe('invite rate limits (here 3 per inviter and 2 per invited email a window)', () => {
  const inviteNew = (token: string, email = uniqueEmail('invitee')) =>
    app.call({ token, idempotencyKey: randomUUID() }).caller.store.members.invite({
      email,
      firstName: 'In',
      lastName: 'Vitee',
      role: 'staff',
    });

  it('refuses an inviter beyond the limit before hashing a password or creating an account', async () => {
    const owner = await registerOwner(app);
    for (let i = 0; i < 3; i++) await inviteNew(owner.token);
    const hashesBefore = app.deps.hasher.stats.hashes;
    const email = uniqueEmail('one-too-many');
    expect((await failureOf(inviteNew(owner.token, email))).code).toBe('RATE_LIMIT_EXCEEDED');
    expect(app.deps.hasher.stats.hashes).toBe(hashesBefore);
    expect(await app.deps.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    // Another inviter is unaffected.
    await inviteNew((await registerOwner(app)).token);
  });

  it('refuses a third invitation of one email within the window, whichever stores send them', async () => {
    const email = uniqueEmail('popular');
    await inviteNew((await registerOwner(app)).token, email);
    await inviteNew((await registerOwner(app)).token, email.toUpperCase());
    expect((await failureOf(inviteNew((await registerOwner(app)).token, email))).code).toBe('RATE_LIMIT_EXCEEDED');
  });
});

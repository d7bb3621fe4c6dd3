import { randomUUID } from 'node:crypto';
import { auditLog, storeMemberships, stores, users } from '@pf/db';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  failureOf,
  registerOwner,
  STRONG_PASSWORD,
  signIn,
  type TestApp,
  tokensFrom,
  uniqueEmail,
} from '../src/testing';
import { addMember, freshIp, invite, RELAXED_LIMITS, rowCounts } from './helpers';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app.close());

const membershipOf = async (storeId: string, userId: string) =>
  (
    await app.deps.db
      .select()
      .from(storeMemberships)
      .where(and(eq(storeMemberships.storeId, storeId), eq(storeMemberships.userId, userId)))
  )[0];

const storeRow = async (storeId: string) => (await app.deps.db.select().from(stores).where(eq(stores.id, storeId)))[0];

const activeOwners = async (storeId: string) =>
  (
    await app.deps.db
      .select()
      .from(storeMemberships)
      .where(
        and(
          eq(storeMemberships.storeId, storeId),
          eq(storeMemberships.role, 'owner'),
          eq(storeMemberships.status, 'active'),
        ),
      )
  ).length;

describe('store profile', () => {
  it('every member reads the profile, but only an owner or manager may change it', async () => {
    const owner = await registerOwner(app, { companyName: 'Profile Farms' });
    const manager = await addMember(app, owner.token, owner.storeId, 'manager');
    const viewer = await addMember(app, owner.token, owner.storeId, 'viewer');
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');

    for (const member of [owner, manager, viewer, staff]) {
      const profile = await app.call({ token: member.token }).caller.store.me.get();
      expect(profile).toMatchObject({ id: owner.storeId, companyName: 'Profile Farms', ownerUserId: owner.userId });
    }

    const updated = await app
      .call({ token: manager.token })
      .caller.store.me.update({ description: 'Small-batch flower', phone: '+1 918 555 0100' });
    expect(updated).toMatchObject({ description: 'Small-batch flower', phone: '+1 918 555 0100' });

    for (const member of [viewer, staff]) {
      const refused = await failureOf(
        app.call({ token: member.token }).caller.store.me.update({ description: 'defaced' }),
      );
      expect(refused.code).toBe('FORBIDDEN');
    }
    expect((await storeRow(owner.storeId))?.description).toBe('Small-batch flower');
  });

  it('patches: an absent field stays as it was, null clears it', async () => {
    const owner = await registerOwner(app);
    const me = app.call({ token: owner.token }).caller.store.me;
    await me.update({
      description: 'Original description',
      phone: '+1 405 555 0199',
      email: 'Sales@Example.com',
      categories: ['flower', 'edibles'],
      social: { website: 'https://example.com' },
    });

    const renamed = await me.update({ companyName: 'Renamed Co' });
    expect(renamed).toMatchObject({
      companyName: 'Renamed Co',
      description: 'Original description',
      phone: '+1 405 555 0199',
      email: 'sales@example.com',
      categories: ['flower', 'edibles'],
      social: { website: 'https://example.com' },
    });

    const cleared = await me.update({ description: null, categories: null, social: null, email: null });
    expect(cleared).toMatchObject({
      companyName: 'Renamed Co',
      description: null,
      categories: null,
      social: null,
      email: null,
      phone: '+1 405 555 0199',
    });
    const row = await storeRow(owner.storeId);
    expect(row).toMatchObject({ description: null, categories: null, social: null, email: null });
    expect(row?.phone).toBe('+1 405 555 0199');
    // The address is untouched by every patch.
    expect(row?.address).toEqual(owner.input.address);
  });

  it('treats an emptied text field as cleared, as a form sends it', async () => {
    const owner = await registerOwner(app);
    const me = app.call({ token: owner.token }).caller.store.me;
    await me.update({ phone: '+1 405 555 0199', dbaName: 'Sunny', description: 'Keep me' });
    const cleared = await me.update({ phone: '', dbaName: '   ' });
    expect(cleared).toMatchObject({ phone: null, dbaName: null, description: 'Keep me' });
  });

  it('refuses to edit the address (or type, KYC status) as an unknown field, naming it, and changes nothing', async () => {
    const owner = await registerOwner(app);
    const before = await storeRow(owner.storeId);
    const attempts: Record<string, unknown>[] = [
      { address: { ...owner.input.address, line1: '9 Elsewhere Rd' } },
      { type: 'buyer' },
      { kycStatus: 'verified' },
      { subscriptionActive: true },
    ];
    for (const patch of attempts) {
      const failure = await failureOf(
        app.call({ token: owner.token }).caller.store.me.update(patch as { companyName?: string }),
      );
      expect(failure.code).toBe('VALIDATION_ERROR');
      expect(failure.violations.map((v) => v.path)).toEqual(Object.keys(patch));
    }
    expect(await storeRow(owner.storeId)).toEqual(before);
  });
});

describe('members list', () => {
  it('shows owners and managers every member with role and status; viewers and staff are refused', async () => {
    const owner = await registerOwner(app);
    const manager = await addMember(app, owner.token, owner.storeId, 'manager');
    const viewer = await addMember(app, owner.token, owner.storeId, 'viewer');
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');
    const pending = await invite(app, owner.token, { role: 'ops' });

    for (const reader of [owner, manager]) {
      const members = await app.call({ token: reader.token }).caller.store.members.list();
      const byUser = Object.fromEntries(members.map((m) => [m.userId, { role: m.role, status: m.status }]));
      expect(byUser).toEqual({
        [owner.userId]: { role: 'owner', status: 'active' },
        [manager.userId]: { role: 'manager', status: 'active' },
        [viewer.userId]: { role: 'viewer', status: 'active' },
        [staff.userId]: { role: 'staff', status: 'active' },
        [pending.member.userId]: { role: 'ops', status: 'invited' },
      });
    }
    for (const member of [viewer, staff]) {
      expect((await failureOf(app.call({ token: member.token }).caller.store.members.list())).code).toBe('FORBIDDEN');
    }
  });
});

describe('invite', () => {
  it('creates an account for a new email with a one-time 16-character password; no store access until accepted', async () => {
    const owner = await registerOwner(app, { companyName: 'Inviting Store' });
    const email = uniqueEmail('new-hire');
    const result = await invite(app, owner.token, { email, role: 'manager', firstName: 'Nia', lastName: 'New' });

    expect(result.temporaryPassword).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(result.member).toMatchObject({
      email,
      role: 'manager',
      status: 'invited',
      invitedByUserId: owner.userId,
    });
    const [user] = await app.deps.db.select().from(users).where(eq(users.email, email));
    expect(user).toMatchObject({ firstName: 'Nia', lastName: 'New', isActive: true, systemRole: null });
    expect(user?.passwordHash).not.toContain(result.temporaryPassword ?? '');
    expect(await membershipOf(owner.storeId, result.member.userId)).toMatchObject({
      status: 'invited',
      role: 'manager',
      invitedByUserId: owner.userId,
    });

    // The invited user can sign in with the temporary password...
    const login = await signIn(app, email, result.temporaryPassword ?? '', freshIp());
    expect(login.result.activeStoreId).toBeNull();
    expect(login.result.stores).toEqual([
      expect.objectContaining({ id: owner.storeId, membershipStatus: 'invited', role: 'manager' }),
    ]);
    const invitee = app.call({ token: login.token }).caller;
    // ...but cannot act in the store yet.
    expect((await failureOf(invitee.store.me.get())).code).toBe('FORBIDDEN');
    expect((await failureOf(invitee.store.members.list())).code).toBe('FORBIDDEN');
    expect((await failureOf(invitee.auth.switchStore({ storeId: owner.storeId }))).code).toBe('FORBIDDEN');
    expect(await invitee.store.invitations.listMine()).toEqual([
      expect.objectContaining({ storeId: owner.storeId, storeName: 'Inviting Store', role: 'manager' }),
    ]);

    expect(await invitee.store.invitations.accept({ storeId: owner.storeId })).toEqual({
      storeId: owner.storeId,
      status: 'accepted',
    });
    expect((await membershipOf(owner.storeId, result.member.userId))?.status).toBe('active');
    const switched = app.call({ token: login.token });
    const me = await switched.caller.auth.switchStore({ storeId: owner.storeId });
    expect(me.activeStore).toMatchObject({ id: owner.storeId, role: 'manager', membershipStatus: 'active' });
    const memberToken = tokensFrom(switched.resHeaders).accessToken;
    expect((await app.call({ token: memberToken }).caller.store.me.get()).id).toBe(owner.storeId);
    expect(await app.call({ token: memberToken }).caller.store.invitations.listMine()).toEqual([]);
  });

  it('invites an existing user without touching their password and returns no temporary password', async () => {
    const owner = await registerOwner(app);
    const existing = await registerOwner(app);
    const [before] = await app.deps.db.select().from(users).where(eq(users.id, existing.userId));

    const result = await invite(app, owner.token, { email: existing.input.email.toUpperCase(), role: 'staff' });
    expect(result.temporaryPassword).toBeNull();
    expect(result.member).toMatchObject({ userId: existing.userId, status: 'invited', role: 'staff' });

    const [after] = await app.deps.db.select().from(users).where(eq(users.id, existing.userId));
    expect(after?.passwordHash).toBe(before?.passwordHash);
    const { result: login } = await signIn(app, existing.input.email, STRONG_PASSWORD, freshIp());
    // Still signed in to their own store; the new store waits for acceptance.
    expect(login.activeStoreId).toBe(existing.storeId);
    expect(login.stores.find((s) => s.id === owner.storeId)?.membershipStatus).toBe('invited');
  });

  it('re-inviting a current member returns the membership unchanged and writes nothing', async () => {
    const owner = await registerOwner(app);
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');
    const before = await membershipOf(owner.storeId, staff.userId);
    const counts = await rowCounts(app);

    const again = await invite(app, owner.token, { email: staff.email, role: 'manager' });
    expect(again.temporaryPassword).toBeNull();
    expect(again.member).toMatchObject({ userId: staff.userId, role: 'staff', status: 'active' });
    expect(await membershipOf(owner.storeId, staff.userId)).toEqual(before);
    expect(await rowCounts(app)).toEqual(counts);
    // The member's password was not reset either.
    await signIn(app, staff.email, staff.password, freshIp());
  });
});

describe('remove member', () => {
  it("ends a removed member's access to the store on their very next call", async () => {
    const owner = await registerOwner(app);
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');
    expect((await app.call({ token: staff.token }).caller.store.me.get()).id).toBe(owner.storeId);

    expect(await app.call({ token: owner.token }).caller.store.members.remove({ userId: staff.userId })).toEqual({
      removed: true,
    });

    const removed = app.call({ token: staff.token }).caller;
    expect((await failureOf(removed.store.me.get())).code).toBe('FORBIDDEN');
    expect((await failureOf(removed.store.me.update({ description: 'still here?' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(removed.auth.switchStore({ storeId: owner.storeId }))).code).toBe('FORBIDDEN');
    // The account itself is kept; only the membership ended.
    expect((await removed.auth.me()).activeStoreId).toBeNull();
    expect((await membershipOf(owner.storeId, staff.userId))?.status).toBe('removed');
    const listed = await app.call({ token: owner.token }).caller.store.members.list();
    expect(listed.map((m) => m.userId)).not.toContain(staff.userId);
  });

  it('answers NOT_FOUND for someone who is not a member', async () => {
    const owner = await registerOwner(app);
    const stranger = await registerOwner(app);
    const failure = await failureOf(
      app.call({ token: owner.token }).caller.store.members.remove({ userId: stranger.userId }),
    );
    expect(failure.code).toBe('NOT_FOUND');
    expect((await membershipOf(stranger.storeId, stranger.userId))?.status).toBe('active');
  });
});

describe('owners', () => {
  it('the last owner can be neither removed nor demoted (an invited owner does not count)', async () => {
    const owner = await registerOwner(app);
    const manager = await addMember(app, owner.token, owner.storeId, 'manager');
    await invite(app, owner.token, { role: 'owner' });
    const team = app.call({ token: owner.token }).caller.store.members;

    expect((await failureOf(team.remove({ userId: owner.userId }))).code).toBe('CONFLICT');
    expect((await failureOf(team.changeRole({ userId: owner.userId, role: 'manager' }))).code).toBe('CONFLICT');
    expect(await membershipOf(owner.storeId, owner.userId)).toMatchObject({ role: 'owner', status: 'active' });

    // With a second active owner, the first may step down.
    await team.changeRole({ userId: manager.userId, role: 'owner' });
    expect(await team.changeRole({ userId: owner.userId, role: 'manager' })).toMatchObject({ role: 'manager' });
    expect(await activeOwners(owner.storeId)).toBe(1);
  });

  it('two owners removing each other at the same time always leave at least one owner', async () => {
    for (let round = 0; round < 5; round++) {
      const first = await registerOwner(app);
      const second = await addMember(app, first.token, first.storeId, 'owner');
      const outcomes = await Promise.allSettled([
        app.call({ token: first.token }).caller.store.members.remove({ userId: second.userId }),
        app.call({ token: second.token }).caller.store.members.remove({ userId: first.userId }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeLessThanOrEqual(1);
      expect(await activeOwners(first.storeId)).toBe(1);
    }
  });

  it('two owners demoting each other at the same time always leave at least one owner', async () => {
    for (let round = 0; round < 5; round++) {
      const first = await registerOwner(app);
      const second = await addMember(app, first.token, first.storeId, 'owner');
      await Promise.allSettled([
        app.call({ token: first.token }).caller.store.members.changeRole({ userId: second.userId, role: 'manager' }),
        app.call({ token: second.token }).caller.store.members.changeRole({ userId: first.userId, role: 'manager' }),
      ]);
      expect(await activeOwners(first.storeId)).toBe(1);
    }
  });

  it('only an owner may add, promote to, demote or remove an owner', async () => {
    const owner = await registerOwner(app);
    const coOwner = await addMember(app, owner.token, owner.storeId, 'owner');
    const manager = await addMember(app, owner.token, owner.storeId, 'manager');
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');
    const counts = await rowCounts(app);
    const byManager = app.call({ token: manager.token }).caller.store.members;

    expect((await failureOf(invite(app, manager.token, { role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(byManager.changeRole({ userId: staff.userId, role: 'owner' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(byManager.changeRole({ userId: coOwner.userId, role: 'staff' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(byManager.remove({ userId: coOwner.userId }))).code).toBe('FORBIDDEN');
    expect(await rowCounts(app)).toEqual(counts);
    expect(await activeOwners(owner.storeId)).toBe(2);

    // The manager still manages non-owners.
    expect(await byManager.changeRole({ userId: staff.userId, role: 'ops' })).toMatchObject({ role: 'ops' });
    // And an owner may do all of it.
    const byOwner = app.call({ token: owner.token }).caller.store.members;
    expect((await invite(app, owner.token, { role: 'owner' })).member.role).toBe('owner');
    expect(await byOwner.changeRole({ userId: staff.userId, role: 'owner' })).toMatchObject({ role: 'owner' });
    expect(await byOwner.changeRole({ userId: coOwner.userId, role: 'manager' })).toMatchObject({ role: 'manager' });
    await byOwner.remove({ userId: staff.userId });
    expect(await activeOwners(owner.storeId)).toBe(1);
  });
});

describe('audit trail', () => {
  it('records invite, role change and removal with actor, store and target', async () => {
    const owner = await registerOwner(app);
    const staff = await addMember(app, owner.token, owner.storeId, 'staff');
    const membershipId = (await membershipOf(owner.storeId, staff.userId))?.id;
    const team = app.call({ token: owner.token }).caller.store.members;
    await team.changeRole({ userId: staff.userId, role: 'manager' });
    await team.remove({ userId: staff.userId });

    const rows = await app.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.storeId, owner.storeId), eq(auditLog.targetId, membershipId ?? '')));
    const byAction = Object.fromEntries(rows.map((row) => [row.action, row]));
    expect(byAction['member.invited']).toMatchObject({
      actorUserId: owner.userId,
      targetType: 'membership',
      details: expect.objectContaining({ userId: staff.userId, role: 'staff', newAccount: true }),
    });
    expect(byAction['invitation.accepted']).toMatchObject({ actorUserId: staff.userId });
    expect(byAction['member.role_changed']).toMatchObject({
      actorUserId: owner.userId,
      details: expect.objectContaining({ userId: staff.userId, from: 'staff', to: 'manager' }),
    });
    expect(byAction['member.removed']).toMatchObject({
      actorUserId: owner.userId,
      details: expect.objectContaining({ userId: staff.userId, role: 'manager' }),
    });
    for (const row of rows) expect(row.requestId).toBeTruthy();
  });

  it('writes no audit row for a refused change', async () => {
    const owner = await registerOwner(app);
    const before = await rowCounts(app);
    await failureOf(app.call({ token: owner.token }).caller.store.members.remove({ userId: owner.userId }));
    await failureOf(
      app
        .call({ token: owner.token, idempotencyKey: randomUUID() })
        .caller.store.members.changeRole({ userId: owner.userId, role: 'staff' }),
    );
    expect(await rowCounts(app)).toEqual(before);
  });
});

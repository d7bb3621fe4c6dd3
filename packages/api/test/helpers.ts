import { randomUUID } from 'node:crypto';
import { auditLog, idempotencyKeys, storeMemberships, stores, users } from '@pf/db';
import type { InviteMemberInput } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { signIn, type TestApp, tokensFrom, uniqueEmail } from '../src/testing';

let ipCounter = 0;
/** A client address no other call in this process used, so per-IP limits never couple unrelated tests. */
export const freshIp = () => {
  ipCounter++;
  return `10.${Math.floor(ipCounter / 65_536) % 256}.${Math.floor(ipCounter / 256) % 256}.${ipCounter % 256}`;
};

/** Rate limits are the subject of rate-limit.test.ts only; elsewhere they would just make tests order-dependent. */
export const RELAXED_LIMITS = {
  LOGIN_LIMIT_PER_IP: '100000',
  LOGIN_LIMIT_PER_EMAIL: '100000',
  REGISTER_LIMIT_PER_IP: '100000',
  REGISTER_LIMIT_PER_EMAIL: '100000',
  INVITE_LIMIT_PER_USER: '100000',
  INVITE_LIMIT_PER_EMAIL: '100000',
};

export interface Actor {
  token: string;
  userId: string;
  email: string;
}

/** Invites through the API as `inviter`, returning the invite response. */
export async function invite(app: TestApp, inviterToken: string, input: Partial<InviteMemberInput> = {}) {
  return app.call({ token: inviterToken, idempotencyKey: randomUUID() }).caller.store.members.invite({
    email: uniqueEmail('member'),
    firstName: 'Mo',
    lastName: 'Member',
    role: 'staff',
    ...input,
  });
}

/**
 * A real member of `storeId` with `role`: invited by the owner, signs in with the temporary password,
 * accepts and switches to the store, exactly as the UI would.
 */
export async function addMember(
  app: TestApp,
  ownerToken: string,
  storeId: string,
  role: InviteMemberInput['role'],
): Promise<Actor & { password: string }> {
  const invited = await invite(app, ownerToken, { role });
  const password = invited.temporaryPassword;
  if (!password) throw new Error('invite of a new email returned no temporary password');
  const email = invited.member.email;
  const { token: firstToken } = await signIn(app, email, password, freshIp());
  await app.call({ token: firstToken }).caller.store.invitations.accept({ storeId });
  const switched = app.call({ token: firstToken });
  await switched.caller.auth.switchStore({ storeId });
  const token = tokensFrom(switched.resHeaders).accessToken;
  if (!token) throw new Error('switchStore delivered no token');
  return { token, userId: invited.member.userId, email, password };
}

/** Row counts of the tables a refused request must not touch. */
export async function rowCounts(app: TestApp) {
  const count = async (table: typeof users | typeof stores | typeof storeMemberships | typeof auditLog) =>
    (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  return {
    users: await count(users),
    stores: await count(stores),
    memberships: await count(storeMemberships),
    audit: await count(auditLog),
  };
}

export const idempotencyRowCount = async (app: TestApp) =>
  (await app.deps.db.select({ n: sql<number>`count(*)::int` }).from(idempotencyKeys))[0]?.n ?? 0;

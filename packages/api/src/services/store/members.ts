import { randomInt } from 'node:crypto';
import {
  countActiveOwners,
  type DbOrTx,
  findUserByEmail,
  storeMemberships,
  stores,
  type Transaction,
  users,
} from '@pf/db';
import { AppError, type InviteMemberInput, MESSAGES, type MemberDto, type MemberRole } from '@pf/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';

const memberColumns = {
  membershipId: storeMemberships.id,
  userId: users.id,
  email: users.email,
  firstName: users.firstName,
  lastName: users.lastName,
  role: storeMemberships.role,
  status: storeMemberships.status,
  invitedByUserId: storeMemberships.invitedByUserId,
  createdAt: storeMemberships.createdAt,
  lastLoginAt: users.lastLoginAt,
};

type MemberRow = { createdAt: Date; lastLoginAt: Date | null } & Omit<MemberDto, 'createdAt' | 'lastLoginAt'>;
/** An invitee is only the email the store typed until they accept: their account's details are their own. */
const toMemberDto = (row: MemberRow): MemberDto => {
  const accepted = row.status !== 'invited';
  return {
    ...row,
    firstName: accepted ? row.firstName : null,
    lastName: accepted ? row.lastName : null,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: accepted ? (row.lastLoginAt?.toISOString() ?? null) : null,
  };
};

const selectMembers = (db: DbOrTx, storeId: string, membershipId?: string) =>
  db
    .select(memberColumns)
    .from(storeMemberships)
    .innerJoin(users, eq(users.id, storeMemberships.userId))
    .where(
      and(
        eq(storeMemberships.storeId, storeId),
        inArray(storeMemberships.status, ['active', 'invited']),
        membershipId ? eq(storeMemberships.id, membershipId) : undefined,
      ),
    );

/** Serializes team changes per store so two concurrent removals cannot both pass the last-owner check. */
const lockStore = (tx: Transaction, storeId: string) =>
  tx.execute(sql`select id from ${stores} where ${stores.id} = ${storeId} for update`);

export async function listMembers(deps: AppDeps, store: ActiveStore) {
  const rows = await selectMembers(deps.db, store.id).orderBy(asc(users.lastName), asc(users.firstName));
  return rows.map(toMemberDto);
}

// No look-alike characters, so a temporary password can be read out over the phone.
const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';
export const generateTemporaryPassword = () =>
  Array.from({ length: 16 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');

const onlyOwnersTouchOwners = (actor: ActiveStore, ...roles: MemberRole[]) => {
  if (roles.includes('owner') && actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', 'Only an owner can add, change or remove owners.');
  }
};

/**
 * Invite (DOMAIN §5.3b). A new email gets an account with a one-time temporary password; an existing user
 * keeps their password. The membership stays `invited` (no access) until the user accepts.
 */
export async function inviteMember(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: InviteMemberInput,
  meta: RequestMeta,
) {
  onlyOwnersTouchOwners(store, input.role);
  // Before anything is looked up or hashed: each new account costs an Argon2 hash and an email.
  await deps.rateLimit(deps.policies.invite, { user: actorUserId, email: input.email });
  const existingUser = await findUserByEmail(deps.db, input.email);
  const temporaryPassword = existingUser ? null : generateTemporaryPassword();
  const passwordHash = temporaryPassword ? await deps.hasher.forClient(meta.ip).hash(temporaryPassword) : null;

  return deps.db.transaction(async (tx) => {
    await lockStore(tx, store.id);
    const user =
      existingUser ??
      (
        await tx
          .insert(users)
          .values({
            email: input.email,
            passwordHash: passwordHash as string,
            firstName: input.firstName,
            lastName: input.lastName,
          })
          .returning()
      )[0];
    if (!user) throw new Error('user insert returned nothing');
    const [current] = await tx
      .select()
      .from(storeMemberships)
      .where(and(eq(storeMemberships.storeId, store.id), eq(storeMemberships.userId, user.id)))
      .limit(1);
    if (current && current.status !== 'removed') {
      const [row] = await selectMembers(tx, store.id, current.id);
      if (!row) throw new Error('membership vanished');
      return { member: toMemberDto(row), temporaryPassword: null };
    }
    const values = {
      role: input.role,
      status: 'invited' as const,
      invitedByUserId: actorUserId,
      updatedAt: deps.clock.now(),
    };
    const [membership] = current
      ? await tx.update(storeMemberships).set(values).where(eq(storeMemberships.id, current.id)).returning()
      : await tx
          .insert(storeMemberships)
          .values({ ...values, storeId: store.id, userId: user.id })
          .returning();
    if (!membership) throw new Error('membership write returned nothing');
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'member.invited',
      targetType: 'membership',
      targetId: membership.id,
      details: { userId: user.id, role: input.role, newAccount: !existingUser },
      requestId: meta.requestId,
    });
    const [row] = await selectMembers(tx, store.id, membership.id);
    if (!row) throw new Error('membership vanished');
    return { member: toMemberDto(row), temporaryPassword };
  });
}

async function findTargetMembership(tx: Transaction, storeId: string, userId: string) {
  const [target] = await tx
    .select()
    .from(storeMemberships)
    .where(
      and(
        eq(storeMemberships.storeId, storeId),
        eq(storeMemberships.userId, userId),
        inArray(storeMemberships.status, ['active', 'invited']),
      ),
    )
    .limit(1);
  if (!target) throw new AppError('NOT_FOUND', 'That person is not a member of this store.');
  return target;
}

async function assertOwnerRemains(
  tx: Transaction,
  storeId: string,
  target: { role: MemberRole; status: string; userId: string },
) {
  if (
    target.role === 'owner' &&
    target.status === 'active' &&
    (await countActiveOwners(tx, storeId, target.userId)) < 1
  ) {
    throw new AppError('CONFLICT', MESSAGES.lastOwner);
  }
}

/** Removal takes effect on the member's very next request: authorization only honours active memberships. */
export async function removeMember(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  userId: string,
  meta: RequestMeta,
) {
  await deps.db.transaction(async (tx) => {
    await lockStore(tx, store.id);
    const target = await findTargetMembership(tx, store.id, userId);
    onlyOwnersTouchOwners(store, target.role);
    await assertOwnerRemains(tx, store.id, target);
    await tx
      .update(storeMemberships)
      .set({ status: 'removed', updatedAt: deps.clock.now() })
      .where(eq(storeMemberships.id, target.id));
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'member.removed',
      targetType: 'membership',
      targetId: target.id,
      details: { userId, role: target.role },
      requestId: meta.requestId,
    });
  });
}

export async function changeMemberRole(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: { userId: string; role: MemberRole },
  meta: RequestMeta,
) {
  return deps.db.transaction(async (tx) => {
    await lockStore(tx, store.id);
    const target = await findTargetMembership(tx, store.id, input.userId);
    onlyOwnersTouchOwners(store, target.role, input.role);
    if (target.role === 'owner' && input.role !== 'owner') await assertOwnerRemains(tx, store.id, target);
    await tx
      .update(storeMemberships)
      .set({ role: input.role, updatedAt: deps.clock.now() })
      .where(eq(storeMemberships.id, target.id));
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'member.role_changed',
      targetType: 'membership',
      targetId: target.id,
      details: { userId: input.userId, from: target.role, to: input.role },
      requestId: meta.requestId,
    });
    const [row] = await selectMembers(tx, store.id, target.id);
    if (!row) throw new Error('membership vanished');
    return toMemberDto(row);
  });
}

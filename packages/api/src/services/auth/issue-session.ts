import { type findUserById, listUserStores, users } from '@pf/db';
import { type AuthResult, parseSystemRole, type StoreSummaryDto, type UserDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { IssuedTokens } from '../types';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export const toUserDto = (user: UserRow): UserDto => ({
  id: user.id,
  email: user.email,
  firstName: user.firstName,
  lastName: user.lastName,
  phone: user.phone,
  isActive: user.isActive,
  systemRole: parseSystemRole(user.systemRole),
  lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
  createdAt: user.createdAt.toISOString(),
});

export async function listStoresFor(deps: AppDeps, userId: string): Promise<StoreSummaryDto[]> {
  const rows = await listUserStores(deps.db, userId);
  return rows.map((row) => ({ ...row, membershipStatus: row.membershipStatus === 'active' ? 'active' : 'invited' }));
}

/** The first active store by name, unless the caller asked for a specific one it belongs to. */
export const pickActiveStore = (stores: StoreSummaryDto[], preferred?: string): string | null =>
  (
    stores.find((s) => s.id === preferred && s.membershipStatus === 'active') ??
    stores.find((s) => s.membershipStatus === 'active')
  )?.id ?? null;

/** Starts a new session family and returns both tokens; every sign-in path goes through here. */
export async function startSession(
  deps: AppDeps,
  userId: string,
  options: { preferredStoreId?: string; storeless?: boolean } = {},
): Promise<{ result: AuthResult; tokens: IssuedTokens }> {
  const [user] = await deps.db
    .update(users)
    .set({ lastLoginAt: deps.clock.now() })
    .where(eq(users.id, userId))
    .returning();
  if (!user) throw new Error(`user ${userId} vanished during sign-in`);
  const stores = options.storeless ? [] : await listStoresFor(deps, userId);
  const activeStoreId = options.storeless ? null : pickActiveStore(stores, options.preferredStoreId);
  const issued = await deps.sessions.create(userId, activeStoreId);
  const accessToken = await deps.tokens.mint({ userId, sessionId: issued.sessionId });
  deps.metrics.authEvents.inc({ event: 'session_started' });
  return {
    result: { user: toUserDto(user), stores, activeStoreId },
    tokens: { accessToken, refreshToken: issued.refreshToken, sessionId: issued.sessionId },
  };
}

import { findUserById, storeMemberships, stores } from '@pf/db';
import { AppError } from '@pf/domain';
import { and, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { IssuedTokens, Principal } from '../types';

/** Rotates the refresh token (single use; reuse revokes the family) and mints a new access token. */
export async function refreshSession(deps: AppDeps, refreshToken: string): Promise<IssuedTokens> {
  const issued = await deps.sessions.refresh(refreshToken);
  const user = await findUserById(deps.db, issued.record.userId);
  if (!user?.isActive) {
    await deps.sessions.revoke(issued.sessionId);
    throw new AppError('UNAUTHORIZED', 'invalid refresh token');
  }
  deps.metrics.authEvents.inc({ event: 'refreshed' });
  const accessToken = await deps.tokens.mint({ userId: user.id, sessionId: issued.sessionId });
  return { accessToken, refreshToken: issued.refreshToken, sessionId: issued.sessionId };
}

export async function logout(deps: AppDeps, sessionId: string): Promise<void> {
  await deps.sessions.revoke(sessionId);
  deps.metrics.authEvents.inc({ event: 'logged_out' });
}

/** Switch store (DOMAIN §1.5): requires an active membership; re-issues the session with both tokens. */
export async function switchStore(deps: AppDeps, principal: Pick<Principal, 'userId' | 'sessionId'>, storeId: string) {
  const [membership] = await deps.db
    .select({ storeId: storeMemberships.storeId })
    .from(storeMemberships)
    .where(
      and(
        eq(storeMemberships.userId, principal.userId),
        eq(storeMemberships.storeId, storeId),
        eq(storeMemberships.status, 'active'),
      ),
    )
    .limit(1);
  if (!membership) throw new AppError('FORBIDDEN', 'You are not an active member of that store.');
  const issued = await deps.sessions.rotate(principal.sessionId, storeId);
  await deps.db.update(stores).set({ lastLoggedInAt: deps.clock.now() }).where(eq(stores.id, storeId));
  const accessToken = await deps.tokens.mint({ userId: principal.userId, sessionId: issued.sessionId });
  return { accessToken, refreshToken: issued.refreshToken, sessionId: issued.sessionId };
}

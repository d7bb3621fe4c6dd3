import { loadPrincipal } from '@pf/db';
import { AppError, MESSAGES, parseSystemRole } from '@pf/domain';
import type { Principal } from '../services/types';
import type { Context } from './context';

const bearerOf = (headers: Headers) => {
  const header = headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
};

/** Session id and user id claimed by the request (bearer token first, then the browser session). */
export async function sessionClaim(ctx: Context, { allowExpired = false } = {}) {
  const bearer = bearerOf(ctx.headers);
  if (bearer) return ctx.deps.tokens.verify(bearer, { allowExpired });
  if (ctx.browserSessionId) return { sessionId: ctx.browserSessionId, userId: null };
  throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
}

/**
 * Rebuilds the caller from the session record and the database on every request: a logout, a removal from
 * the store or a deactivated account takes effect at once, and system roles come only from the user row.
 */
export async function resolvePrincipal(ctx: Context): Promise<Principal> {
  const claim = await sessionClaim(ctx);
  let record: Awaited<ReturnType<typeof ctx.deps.sessions.get>>;
  try {
    record = await ctx.deps.sessions.get(claim.sessionId);
  } catch (error) {
    throw new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
  }
  if (!record || (claim.userId && record.userId !== claim.userId)) {
    throw new AppError('UNAUTHORIZED', MESSAGES.sessionUnavailable);
  }
  const row = await loadPrincipal(ctx.deps.db, record.userId, record.storeId);
  if (!row?.user.isActive) throw new AppError('UNAUTHORIZED', MESSAGES.sessionUnavailable);
  return {
    sessionId: claim.sessionId,
    userId: row.user.id,
    email: row.user.email,
    firstName: row.user.firstName,
    lastName: row.user.lastName,
    systemRole: parseSystemRole(row.user.systemRole),
    profile: {
      ...row.user,
      systemRole: parseSystemRole(row.user.systemRole),
      lastLoginAt: row.user.lastLoginAt?.toISOString() ?? null,
      createdAt: row.user.createdAt.toISOString(),
    },
    store:
      row.storeId && row.storeType && row.role && row.storeName && row.kycStatus
        ? { id: row.storeId, type: row.storeType, name: row.storeName, role: row.role, kycStatus: row.kycStatus }
        : null,
  };
}

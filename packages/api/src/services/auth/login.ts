import { AppError, type LoginInput, MESSAGES, parseSystemRole } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { RequestMeta } from '../types';
import { listStoresFor, startSession } from './issue-session';
import { verifyCredentials } from './verify-credentials';

/** Store/agent login (DOMAIN §5.2). Users with no store and no system role cannot sign in. */
export async function login(deps: AppDeps, input: LoginInput, meta: RequestMeta) {
  const user = await verifyCredentials(deps, input, meta);
  const systemRole = parseSystemRole(user.systemRole);
  if (systemRole === 'admin') {
    // Admins sign in through the admin entrance only, so an admin session is never tied to a store.
    throw new AppError('UNAUTHORIZED', 'Administrators sign in through the admin sign-in page.');
  }
  if (!systemRole && (await listStoresFor(deps, user.id)).length === 0) {
    throw new AppError('UNAUTHORIZED', MESSAGES.invalidCredentials);
  }
  return startSession(deps, user.id);
}

/** Admin login (DOMAIN §5.3a): same credential check, then the user row must carry system role admin. */
export async function adminLogin(deps: AppDeps, input: LoginInput, meta: RequestMeta) {
  const user = await verifyCredentials(deps, input, meta);
  if (parseSystemRole(user.systemRole) !== 'admin') {
    throw new AppError('UNAUTHORIZED', MESSAGES.invalidCredentials);
  }
  return startSession(deps, user.id, { storeless: true });
}

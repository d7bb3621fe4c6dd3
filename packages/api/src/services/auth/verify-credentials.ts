import { findUserByEmail } from '@pf/db';
import { AppError, MESSAGES, normalizeEmail } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { RequestMeta } from '../types';

/**
 * Rate limit first, then exactly one Argon2 verification whether or not the account exists, so neither
 * timing nor the error tells an attacker which emails are registered.
 */
export async function verifyCredentials(
  deps: AppDeps,
  input: { email: string; password: string },
  meta: RequestMeta,
  policy: 'login' | 'register' = 'login',
) {
  const email = normalizeEmail(input.email);
  await deps.rateLimit(deps.policies[policy], { ip: meta.ip, email });
  const user = await findUserByEmail(deps.db, email);
  // The client's share of the hash queue: a flood from one address cannot fill it for everyone.
  const hasher = deps.hasher.forClient(meta.ip);
  const valid = user
    ? await hasher.verify(user.passwordHash, input.password)
    : await hasher.verifyDummy(input.password);
  if (!user || !valid || !user.isActive) {
    deps.metrics.authEvents.inc({ event: 'login_failed' });
    throw new AppError('UNAUTHORIZED', MESSAGES.invalidCredentials);
  }
  return user;
}

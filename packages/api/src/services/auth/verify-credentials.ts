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
  await deps.rateLimit(deps.policies[policy], meta.ip, email);
  const user = await findUserByEmail(deps.db, email);
  const valid = user
    ? await deps.hasher.verify(user.passwordHash, input.password)
    : await deps.hasher.verifyDummy(input.password);
  if (!user || !valid || !user.isActive) {
    deps.metrics.authEvents.inc({ event: 'login_failed' });
    throw new AppError('UNAUTHORIZED', MESSAGES.invalidCredentials);
  }
  return user;
}

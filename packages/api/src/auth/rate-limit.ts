import { createHash } from 'node:crypto';
import { AppError, type KeyValueStore } from '@pf/domain';

export interface RatePolicy {
  name: 'login' | 'register';
  windowMs: number;
  perIp: number;
  perEmail: number;
}

/**
 * Fixed-window limits per IP and per email (DOMAIN §1.7). Runs before any password hashing, so a flood
 * against one account costs at most `perEmail` hashes a window.
 */
export function createAuthRateLimiter(kv: KeyValueStore) {
  return async function check(policy: RatePolicy, ip: string, email: string): Promise<void> {
    const emailHash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    let counts: number[];
    try {
      counts = await Promise.all([
        kv.incrementInWindow(`rl:ip:${policy.name}:${ip}`, policy.windowMs),
        kv.incrementInWindow(`rl:email:${policy.name}:${emailHash}`, policy.windowMs),
      ]);
    } catch (error) {
      throw new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
    }
    const [byIp = 0, byEmail = 0] = counts;
    if (byIp > policy.perIp || byEmail > policy.perEmail) {
      throw new AppError('RATE_LIMIT_EXCEEDED', 'Too many attempts. Wait a minute and try again.', {
        details: { retryAfterSeconds: Math.ceil(policy.windowMs / 1000) },
      });
    }
  };
}
export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;

import { createHash } from 'node:crypto';
import { AppError, type KeyValueStore } from '@pf/domain';
import { addressBucket } from './address-bucket';

/** Who an attempt is counted against: the client address, the signed-in user, the email it names. */
export type RateSubject = 'ip' | 'user' | 'email';

export interface RatePolicy {
  name: 'login' | 'register' | 'invite';
  windowMs: number;
  /** Attempts allowed per window for each subject this policy counts. */
  limits: Partial<Record<RateSubject, number>>;
}

const keyPart: Record<RateSubject, (value: string) => string> = {
  // An IPv6 client holds a whole /64: counted per address, it could give every attempt a new one.
  ip: addressBucket,
  user: (userId) => userId,
  // Hashed, so the KV never holds the emails people tried.
  email: (email) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex'),
};

/**
 * Fixed-window limits (DOMAIN §1.7). Runs before any password hashing, so a flood against one account costs at
 * most `limits.email` hashes a window, and one client at most `limits.ip`.
 */
export function createAuthRateLimiter(kv: KeyValueStore) {
  return async function check(policy: RatePolicy, subjects: Partial<Record<RateSubject, string>>): Promise<void> {
    const counted = (Object.entries(policy.limits) as [RateSubject, number][]).map(([subject, limit]) => {
      const value = subjects[subject];
      if (value === undefined) throw new Error(`rate policy ${policy.name} needs a ${subject}`);
      return { key: `rl:${subject}:${policy.name}:${keyPart[subject](value)}`, limit };
    });
    let counts: number[];
    try {
      counts = await Promise.all(counted.map(({ key }) => kv.incrementInWindow(key, policy.windowMs)));
    } catch (error) {
      throw new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
    }
    if (counted.some(({ limit }, i) => (counts[i] ?? 0) > limit)) {
      throw new AppError('RATE_LIMIT_EXCEEDED', 'Too many attempts. Wait a minute and try again.', {
        details: { retryAfterSeconds: Math.ceil(policy.windowMs / 1000) },
      });
    }
  };
}
export type AuthRateLimiter = ReturnType<typeof createAuthRateLimiter>;

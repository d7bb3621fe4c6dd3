/** Ports the application depends on; adapters implement them (ARCHITECTURE §2). */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The slice of Redis the app uses. Everything in it is ephemeral (sessions, rate limits, caches). */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Returns false when `onlyIfAbsent` is set and the key already exists. */
  set(key: string, value: string, options?: { ttlMs?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  delete(...keys: string[]): Promise<number>;
  /** INCR, setting the expiry only on the first hit of the window (fixed-window rate limiting). */
  incrementInWindow(key: string, windowMs: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(encoded: string, password: string): Promise<boolean>;
}

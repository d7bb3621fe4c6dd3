import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { KeyValueStore } from '@pf/domain';

export interface HeldLock {
  owner: string;
  /** False when the lock had expired (and may belong to someone else): the TTL is too short for the job. */
  release(): Promise<boolean>;
}

/**
 * A lease in the KV store: SET NX PX with a random owner id, released only by that owner (compare and
 * delete), so a run that outlived its TTL cannot free a lock another instance now holds.
 */
export async function acquireLock(kv: KeyValueStore, key: string, ttlMs: number): Promise<HeldLock | null> {
  const owner = `${hostname()}:${process.pid}:${randomUUID()}`;
  if (!(await kv.set(key, owner, { ttlMs, onlyIfAbsent: true }))) return null;
  return { owner, release: () => kv.deleteIfValue(key, owner) };
}

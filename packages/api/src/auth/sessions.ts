import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, type Clock, type KeyValueStore } from '@pf/domain';

/** What the server remembers about one signed-in session (key `session:<sid>`). */
export interface SessionRecord {
  userId: string;
  storeId: string | null;
  familyId: string;
  refreshHash: string;
  createdAt: string;
}

export interface IssuedSession {
  sessionId: string;
  refreshToken: string;
  record: SessionRecord;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');
const keys = {
  session: (sid: string) => `session:${sid}`,
  refresh: (hash: string) => `refresh:${hash}`,
  refreshSpent: (hash: string) => `refresh-spent:${hash}`,
  family: (familyId: string) => `family:${familyId}`,
  familyRevoked: (familyId: string) => `family-revoked:${familyId}`,
};

/**
 * Sessions with rotating, single-use refresh tokens (rules in docs/auth.md):
 * - the first presentation of a refresh token wins and gets the next pair;
 * - a repeat within `reuseGraceMs` of that first use (a client's double submit) gets 401, family kept;
 * - a repeat after that is treated as theft: the whole family is revoked, the current session included.
 * No presentation but the first ever receives tokens.
 */
export function createSessionStore(kv: KeyValueStore, ttlMs: number, clock: Clock, reuseGraceMs = 10_000) {
  async function write(userId: string, storeId: string | null, familyId: string): Promise<IssuedSession> {
    const sessionId = randomUUID();
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshHash = sha256(refreshToken);
    const record: SessionRecord = { userId, storeId, familyId, refreshHash, createdAt: clock.now().toISOString() };
    await kv.set(keys.session(sessionId), JSON.stringify(record), { ttlMs });
    await kv.set(keys.refresh(refreshHash), JSON.stringify({ sessionId, familyId }), { ttlMs });
    await kv.set(keys.family(familyId), sessionId, { ttlMs });
    return { sessionId, refreshToken, record };
  }

  async function revokeFamily(familyId: string): Promise<void> {
    await kv.set(keys.familyRevoked(familyId), '1', { ttlMs });
    const current = await kv.get(keys.family(familyId));
    if (current) await kv.delete(keys.session(current));
  }

  const spentMarker = (familyId: string) => JSON.stringify({ familyId, at: clock.now().getTime() });

  /** A spent token came back: within the grace window it is a double submit, after it a stolen copy. */
  async function onReuse(marker: string): Promise<never> {
    const spent = JSON.parse(marker) as { familyId: string; at: number };
    if (clock.now().getTime() - spent.at > reuseGraceMs) await revokeFamily(spent.familyId);
    throw new AppError('UNAUTHORIZED', 'invalid refresh token');
  }

  async function get(sessionId: string): Promise<SessionRecord | null> {
    const raw = await kv.get(keys.session(sessionId));
    return raw ? (JSON.parse(raw) as SessionRecord) : null;
  }

  /** Replaces a session by a new one in the same family (used when switching store). */
  async function rotate(sessionId: string, storeId: string | null): Promise<IssuedSession> {
    const record = await get(sessionId);
    if (!record) throw new AppError('UNAUTHORIZED', 'session unavailable');
    await kv.set(keys.refreshSpent(record.refreshHash), spentMarker(record.familyId), { ttlMs });
    const issued = await write(record.userId, storeId, record.familyId);
    await kv.delete(keys.session(sessionId), keys.refresh(record.refreshHash));
    return issued;
  }

  return {
    create: (userId: string, storeId: string | null) => write(userId, storeId, randomUUID()),
    get,
    rotate,
    revoke: async (sessionId: string) => {
      const record = await get(sessionId);
      await kv.delete(keys.session(sessionId));
      if (record) await kv.delete(keys.refresh(record.refreshHash));
    },

    async refresh(refreshToken: string): Promise<IssuedSession> {
      const hash = sha256(refreshToken);
      const rejected = new AppError('UNAUTHORIZED', 'invalid refresh token');
      const raw = await kv.get(keys.refresh(hash));
      if (!raw) {
        const spent = await kv.get(keys.refreshSpent(hash));
        if (spent) await onReuse(spent);
        throw rejected;
      }
      const { sessionId, familyId } = JSON.parse(raw) as { sessionId: string; familyId: string };
      // Exactly one presentation of a token can claim it; any other is reuse.
      const claimed = await kv.set(keys.refreshSpent(hash), spentMarker(familyId), { ttlMs, onlyIfAbsent: true });
      if (!claimed) await onReuse((await kv.get(keys.refreshSpent(hash))) ?? spentMarker(familyId));
      const record = await get(sessionId);
      if (!record || !timingSafeEqual(Buffer.from(record.refreshHash), Buffer.from(hash))) throw rejected;
      if (await kv.get(keys.familyRevoked(familyId))) throw rejected;
      const issued = await write(record.userId, record.storeId, familyId);
      await kv.delete(keys.session(sessionId), keys.refresh(hash));
      // A late reuse may have revoked the family while we wrote: then the new session dies too.
      if (await kv.get(keys.familyRevoked(familyId))) {
        await kv.delete(keys.session(issued.sessionId));
        throw rejected;
      }
      return issued;
    },
  };
}
export type SessionStore = ReturnType<typeof createSessionStore>;

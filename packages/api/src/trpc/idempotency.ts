import { createHmac } from 'node:crypto';
import { idempotencyKeys } from '@pf/db';
import { AppError } from '@pf/domain';
import { and, eq, lt, or } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { AppDeps } from '../deps';
import type { IdempotencyWindow } from './init';

const WINDOW_MS: Record<IdempotencyWindow, number> = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };
/** A crashed first request must not block its key forever; after this, a retry may take over. */
const IN_PROGRESS_LOCK_MS = 60_000;
const KEY_FORMAT = /^[A-Za-z0-9:_-]{8,128}$/;

export type StoredOutcome =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: Record<string, unknown>; violations?: unknown[] } };

export type ClaimResult = { kind: 'claimed' } | { kind: 'replay'; outcome: StoredOutcome };

/**
 * Keyed (HMAC) fingerprint of the request: inputs can hold passwords, and a plain hash kept for 24 h
 * would be an offline-crackable copy of them.
 */
export const requestHash = (deps: Pick<AppDeps, 'fingerprintKey'>, input: unknown) =>
  createHmac('sha256', deps.fingerprintKey)
    .update(stringify(input ?? null) ?? 'null')
    .digest('base64url');

/** Stored responses are replayed for a day or a week: one-time secrets in them are blanked first. */
export function redactForStorage(data: unknown, fields: readonly string[] | undefined): unknown {
  if (!fields?.length || typeof data !== 'object' || data === null) return data;
  return { ...data, ...Object.fromEntries(fields.map((field) => [field, null])) };
}

export function readIdempotencyKey(headers: Headers): string {
  const key = headers.get('idempotency-key')?.trim();
  if (!key) throw new AppError('VALIDATION_ERROR', 'The Idempotency-Key header is required for this action.');
  if (!KEY_FORMAT.test(key)) {
    throw new AppError(
      'VALIDATION_ERROR',
      'The Idempotency-Key header must be 8-128 letters, digits, "-", "_" or ":".',
    );
  }
  return key;
}

/**
 * Claims (scope, key) with an in-progress marker in one statement, so two concurrent first requests cannot
 * both run. Expired records and stale locks are taken over.
 */
export async function claimIdempotencyKey(
  deps: AppDeps,
  scope: string,
  key: string,
  hash: string,
  window: IdempotencyWindow,
): Promise<ClaimResult> {
  const now = deps.clock.now();
  const claimed = await deps.db
    .insert(idempotencyKeys)
    .values({
      scope,
      key,
      requestHash: hash,
      state: 'in_progress',
      lockedUntil: new Date(now.getTime() + IN_PROGRESS_LOCK_MS),
      expiresAt: new Date(now.getTime() + WINDOW_MS[window]),
    })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: {
        requestHash: hash,
        state: 'in_progress',
        response: null,
        responseStatus: null,
        lockedUntil: new Date(now.getTime() + IN_PROGRESS_LOCK_MS),
        expiresAt: new Date(now.getTime() + WINDOW_MS[window]),
        createdAt: now,
      },
      setWhere: or(
        lt(idempotencyKeys.expiresAt, now),
        and(
          eq(idempotencyKeys.state, 'in_progress'),
          lt(idempotencyKeys.lockedUntil, now),
          eq(idempotencyKeys.requestHash, hash),
        ),
      ),
    })
    .returning({ scope: idempotencyKeys.scope });
  if (claimed.length > 0) return { kind: 'claimed' };

  const [existing] = await deps.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!existing) return claimIdempotencyKey(deps, scope, key, hash, window);
  if (existing.requestHash !== hash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
  if (existing.state === 'in_progress') {
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'The same request is still being processed. Retry shortly.');
  }
  return { kind: 'replay', outcome: existing.response as StoredOutcome };
}

export async function completeIdempotencyKey(deps: AppDeps, scope: string, key: string, outcome: StoredOutcome) {
  await deps.db
    .update(idempotencyKeys)
    .set({ state: 'completed', response: outcome, responseStatus: outcome.ok ? 200 : 400 })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Retryable failures (dependency down, overload) free the key so the client's retry can run for real. */
export async function releaseIdempotencyKey(deps: AppDeps, scope: string, key: string) {
  await deps.db
    .delete(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'in_progress')),
    );
}

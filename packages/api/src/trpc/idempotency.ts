import { createHmac } from 'node:crypto';
import { idempotencyKeys, type Transaction } from '@pf/db';
import { AppError } from '@pf/domain';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { AppDeps } from '../deps';
import type { IdempotencyWindow } from './init';

const WINDOW_MS: Record<IdempotencyWindow, number> = { '24h': 24 * 3_600_000, '7d': 7 * 24 * 3_600_000 };
/**
 * How long a duplicate waits for the first request with its key to commit or roll back before it answers
 * IDEMPOTENCY_IN_PROGRESS (retryable). Bounds how many connections a burst of duplicates can hold.
 */
const DUPLICATE_WAIT_MS = 15_000;
const KEY_FORMAT = /^[A-Za-z0-9:_-]{8,128}$/;
const LOCK_NOT_AVAILABLE = '55P03';

export type StoredOutcome =
  | { ok: true; data: unknown }
  | { ok: false; error: { code: string; message: string; details?: Record<string, unknown>; violations?: unknown[] } };

export type ClaimResult = { kind: 'claimed' } | { kind: 'replay'; outcome: StoredOutcome };

export interface IdempotencyRequest {
  scope: string;
  key: string;
  hash: string;
  window: IdempotencyWindow;
}

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

const isLockTimeout = (error: unknown): boolean => {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    if ((current as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
};

/**
 * Inserts the (scope, key) record inside the caller's transaction. The row stays invisible until that
 * transaction commits, with its response; a concurrent first request with the same key waits on the primary
 * key until this one commits (it then replays) or rolls back (it then runs itself). Expired records are taken
 * over; so is a record without a response, which only the former in-progress marker scheme could leave.
 */
export async function claimIdempotencyKey(
  tx: Transaction,
  deps: Pick<AppDeps, 'clock'>,
  request: IdempotencyRequest,
  duplicateWaitMs = DUPLICATE_WAIT_MS,
): Promise<ClaimResult> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + WINDOW_MS[request.window]);
  const record = { requestHash: request.hash, response: null, responseStatus: null, expiresAt, createdAt: now };
  await tx.execute(sql.raw(`set local lock_timeout = ${Math.max(1, Math.trunc(duplicateWaitMs))}`));
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ scope: request.scope, key: request.key, ...record })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: record,
      setWhere: or(lt(idempotencyKeys.expiresAt, now), isNull(idempotencyKeys.response)),
    })
    .returning({ scope: idempotencyKeys.scope })
    .catch((error: unknown) => {
      if (!isLockTimeout(error)) throw error;
      throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'The same request is still being processed. Retry shortly.');
    });
  // Only the wait for a duplicate is bounded; the procedure's own locks keep the server's setting.
  await tx.execute(sql.raw('set local lock_timeout to default'));
  if (claimed.length > 0) return { kind: 'claimed' };

  const [existing] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key)))
    .limit(1);
  if (!existing?.response) throw new Error('idempotency record vanished between insert and read');
  if (existing.requestHash !== request.hash) {
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used for a different request.');
  }
  return { kind: 'replay', outcome: existing.response as StoredOutcome };
}

/** Writes the response into the record claimed in the same transaction: both commit together or neither. */
export async function completeIdempotencyKey(tx: Transaction, request: IdempotencyRequest, outcome: StoredOutcome) {
  await tx
    .update(idempotencyKeys)
    .set({ response: outcome, responseStatus: outcome.ok ? 200 : 400 })
    .where(and(eq(idempotencyKeys.scope, request.scope), eq(idempotencyKeys.key, request.key)));
}

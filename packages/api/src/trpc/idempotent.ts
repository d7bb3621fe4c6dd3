import type { Transaction } from '@pf/db';
import { AppError } from '@pf/domain';
import type { AppDeps } from '../deps';
import type { Principal } from '../services/types';
import { toAppError, toTrpcError } from './errors';
import {
  type ClaimResult,
  claimIdempotencyKey,
  completeIdempotencyKey,
  type IdempotencyRequest,
  readIdempotencyKey,
  redactForStorage,
  requestHash,
  type StoredOutcome,
} from './idempotency';
import { t } from './init';

type ProcedureResult = { ok: true; data: unknown } | { ok: false; error: unknown };
type Attempt<R> = Exclude<ClaimResult, { kind: 'claimed' }> | { kind: 'ran'; result: R };

/** Carries a failed result out of a transaction callback, which only a throw rolls back. */
class RolledBack<R> extends Error {
  constructor(readonly result: R) {
    super('procedure failed; its writes were rolled back');
  }
}

/** Retryable failures (dependency down, overload) are never stored: the client's retry runs for real. */
const isStored = (error: AppError) => error.httpStatus < 500 && error.code !== 'RATE_LIMIT_EXCEEDED';

const storedError = (error: AppError): StoredOutcome => ({
  ok: false,
  error: { code: error.code, message: error.message, details: error.details, violations: error.violations },
});

/** Runs `run` in a savepoint: its writes stay only if it succeeds. */
async function inSavepoint<R extends ProcedureResult>(tx: Transaction, run: (db: Transaction) => Promise<R>) {
  try {
    return await tx.transaction(async (savepoint) => {
      const result = await run(savepoint);
      if (!result.ok) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result as R;
    throw error;
  }
}

/**
 * One transaction holds the idempotency record and everything the procedure writes (DOMAIN §10.4), so they
 * commit together or not at all: a crash after the commit leaves a record that replays, a failure before it
 * leaves nothing, and the retry runs afresh. A business-rule error (4xx) keeps only the record, with the error
 * to replay; a retryable one (5xx, rate limit) rolls everything back.
 */
export async function runIdempotently<R extends ProcedureResult>(
  deps: AppDeps,
  request: IdempotencyRequest,
  run: (db: Transaction) => Promise<R>,
  redactOnReplay?: readonly string[],
): Promise<Attempt<R>> {
  try {
    const attempt = await deps.db.transaction(async (tx): Promise<Attempt<R>> => {
      const claim = await claimIdempotencyKey(tx, deps, request);
      if (claim.kind === 'replay') return claim;
      const result = await inSavepoint(tx, run);
      if (result.ok) {
        await completeIdempotencyKey(tx, request, { ok: true, data: redactForStorage(result.data, redactOnReplay) });
      } else {
        const error = toAppError(result.error);
        if (!isStored(error)) throw new RolledBack(result);
        await completeIdempotencyKey(tx, request, storedError(error));
      }
      await deps.faults?.atIdempotentCommit?.('before');
      return { kind: 'ran', result };
    });
    if (attempt.kind === 'ran') await deps.faults?.atIdempotentCommit?.('after');
    return attempt;
  } catch (error) {
    if (error instanceof RolledBack) return { kind: 'ran', result: error.result as R };
    throw error;
  }
}

/**
 * Procedures with `meta.idempotency` require an Idempotency-Key and run through `runIdempotently`, with
 * `ctx.deps.db` bound to its transaction: services' own `deps.db.transaction(...)` become savepoints in it.
 * Nothing inside may reach the database through another handle (PGlite has one connection: it would wait
 * for this transaction forever).
 */
export const idempotent = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  if (!meta?.idempotency) return next();
  if (meta.idempotencyAt === 'provider') {
    readIdempotencyKey(ctx.headers);
    ctx.resHeaders.set('idempotency-replayed', 'false');
    return next();
  }
  const principal = (ctx as { principal: Principal | null }).principal;
  const request: IdempotencyRequest = {
    scope: `${principal?.userId ?? 'anon'}|${principal?.store?.id ?? ''}|${path}`,
    key: readIdempotencyKey(ctx.headers),
    // A procedure without input may arrive with no body at all: fingerprint that as null.
    hash: requestHash(ctx.deps, await getRawInput().catch(() => undefined)),
    window: meta.idempotency,
  };
  const attempt = await runIdempotently(
    ctx.deps,
    request,
    (db) => next({ ctx: { deps: { ...ctx.deps, db } } }),
    meta.redactOnReplay,
  );
  ctx.resHeaders.set('idempotency-replayed', attempt.kind === 'replay' ? 'true' : 'false');
  if (attempt.kind === 'ran') return attempt.result;

  const { outcome } = attempt;
  if (!outcome.ok) {
    throw toTrpcError(
      new AppError(outcome.error.code as AppError['code'], outcome.error.message, {
        details: outcome.error.details,
        violations: outcome.error.violations as AppError['violations'],
      }),
    );
  }
  const data = meta.refreshOnReplay ? await meta.refreshOnReplay(ctx, outcome.data) : outcome.data;
  // Same shape tRPC's own resolver middleware returns.
  return { ok: true as const, data, ctx, marker: 'middlewareMarker' } as unknown as Awaited<ReturnType<typeof next>>;
});

import { AppError, type Capability, MESSAGES, roleAllows, type StoreType, type SystemRole } from '@pf/domain';
import { withLogContext } from '../logger';
import type { ActiveStore, Principal } from '../services/types';
import { toAppError, toTrpcError } from './errors';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  readIdempotencyKey,
  redactForStorage,
  releaseIdempotencyKey,
  requestHash,
} from './idempotency';
import { t } from './init';
import { resolvePrincipal } from './principal';

/** Logs, times and converts every error to the stable contract; wraps all procedures. */
const observed = t.middleware(async ({ ctx, path, type, next }) => {
  const started = performance.now();
  return withLogContext({ requestId: ctx.requestId }, async () => {
    const result = await next();
    const seconds = (performance.now() - started) / 1000;
    const outcome = result.ok ? 'ok' : toAppError(result.error).code;
    ctx.deps.metrics.requestDuration.observe({ procedure: path, type, outcome }, seconds);
    if (!result.ok) {
      const appError = toAppError(result.error);
      const level = appError.httpStatus >= 500 ? 'error' : 'info';
      ctx.deps.logger[level](
        { path, code: appError.code, err: appError.httpStatus >= 500 ? (appError.cause ?? appError) : undefined },
        'procedure failed',
      );
    }
    return result;
  });
});

/** Services throw AppError; tRPC needs a TRPCError with the matching HTTP status. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  return result.ok ? result : { ...result, error: toTrpcError(toAppError(result.error)) };
});

const idempotent = t.middleware(async ({ ctx, meta, path, getRawInput, next }) => {
  if (!meta?.idempotency) return next();
  const key = readIdempotencyKey(ctx.headers);
  const principal = (ctx as { principal: Principal | null }).principal;
  const scope = `${principal?.userId ?? 'anon'}|${principal?.store?.id ?? ''}|${path}`;
  const claim = await claimIdempotencyKey(
    ctx.deps,
    scope,
    key,
    // A procedure without input may arrive with no body at all: fingerprint that as null.
    requestHash(ctx.deps, await getRawInput().catch(() => undefined)),
    meta.idempotency,
  );
  ctx.resHeaders.set('idempotency-replayed', claim.kind === 'replay' ? 'true' : 'false');
  if (claim.kind === 'replay') {
    const { outcome } = claim;
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
  }
  const result = await next();
  if (result.ok) {
    await completeIdempotencyKey(ctx.deps, scope, key, {
      ok: true,
      data: redactForStorage(result.data, meta.redactOnReplay),
    });
  } else {
    const error = toAppError(result.error);
    if (error.httpStatus >= 500 || error.code === 'RATE_LIMIT_EXCEEDED') {
      await releaseIdempotencyKey(ctx.deps, scope, key);
    } else {
      await completeIdempotencyKey(ctx.deps, scope, key, {
        ok: false,
        error: { code: error.code, message: error.message, details: error.details, violations: error.violations },
      });
    }
  }
  return result;
});

const base = t.procedure.use(observed).use(mapErrors);

export const publicProcedure = base.use(idempotent);

const withPrincipal = base.use(async ({ ctx, next }) => next({ ctx: { principal: await resolvePrincipal(ctx) } }));

export const authedProcedure = withPrincipal.use(idempotent);

const requireStore = (principal: Principal, storeType?: StoreType, capability?: Capability): ActiveStore => {
  const { store } = principal;
  if (!store) throw new AppError('FORBIDDEN', MESSAGES.noActiveStore);
  if (storeType && store.type !== storeType) {
    throw new AppError('FORBIDDEN', `This action needs a ${storeType} store. Switch store to continue.`);
  }
  if (capability && !roleAllows(store.role, capability)) {
    throw new AppError('FORBIDDEN', 'Your role in this store does not allow this action.');
  }
  return store;
};

/** Member of the active store (optionally of a type, with a capability from the matrix in domain). */
export const storeProcedure = (options: { storeType?: StoreType; capability?: Capability } = {}) =>
  withPrincipal
    .use(async ({ ctx, next }) =>
      next({ ctx: { store: requireStore(ctx.principal, options.storeType, options.capability) } }),
    )
    .use(idempotent);

/** Who reads through `storeMemberOrAdminProcedure`: a member of the active store, or a system admin. */
export type StoreOrAdminReader = { kind: 'admin' } | { kind: 'store'; store: ActiveStore };

/**
 * A member of the active store with `capability`, or a system admin (who has no active store and reads
 * across stores, e.g. to review a license document). Services scope by `ctx.reader`.
 */
export const storeMemberOrAdminProcedure = (capability: Capability) =>
  withPrincipal
    .use(async ({ ctx, next }) => {
      const reader: StoreOrAdminReader =
        ctx.principal.systemRole === 'admin'
          ? { kind: 'admin' }
          : { kind: 'store', store: requireStore(ctx.principal, undefined, capability) };
      return next({ ctx: { reader } });
    })
    .use(idempotent);

export const buyerStoreProcedure = (capability?: Capability) => storeProcedure({ storeType: 'buyer', capability });
export const vendorStoreProcedure = (capability?: Capability) => storeProcedure({ storeType: 'vendor', capability });

const systemRoleProcedure = (role: SystemRole) =>
  withPrincipal
    .use(async ({ ctx, next }) => {
      // Checked against users.system_role (loaded per request), never a membership role.
      if (ctx.principal.systemRole !== role) {
        throw new AppError('FORBIDDEN', role === 'admin' ? 'Administrators only.' : 'Delivery agents only.');
      }
      return next();
    })
    .use(idempotent);

export const adminProcedure = systemRoleProcedure('admin');
export const agentProcedure = systemRoleProcedure('agent');

import { AppError, type Capability, MESSAGES, roleAllows, type StoreType, type SystemRole } from '@pf/domain';
import { withLogContext } from '../logger';
import type { ActiveStore, Principal } from '../services/types';
import { originalErrorOf, toAppError, toTrpcError } from './errors';
import { idempotent } from './idempotent';
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
        { path, code: appError.code, err: appError.httpStatus >= 500 ? originalErrorOf(appError) : undefined },
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

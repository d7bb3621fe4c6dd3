import { initTRPC } from '@trpc/server';
import type { Context } from './context';
import { publicErrorData, toAppError } from './errors';

export type IdempotencyWindow = '24h' | '7d';

export interface Meta {
  /** Requires an `Idempotency-Key` header and replays the stored response for repeats (DOMAIN §10.4). */
  idempotency?: IdempotencyWindow;
  /** Top-level response fields shown only once (e.g. a temporary password): replays return null for them. */
  redactOnReplay?: readonly string[];
  /**
   * Re-reads what a successful replay answers, for responses with short-lived parts (signed media URLs): a
   * repeat a day later must not hand out links that expired hours ago. Gets the procedure's context as the
   * middlewares before it built it (principal, store).
   */
  refreshOnReplay?: (ctx: Context & Record<string, unknown>, stored: unknown) => Promise<unknown>;
}

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const appError = toAppError(error);
      const data = publicErrorData(appError);
      return {
        message: data.message,
        code: shape.code,
        data: {
          code: data.code,
          httpStatus: appError.httpStatus,
          violations: data.violations,
          details: data.details,
          requestId: ctx?.requestId,
          path: shape.data.path,
        },
      };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

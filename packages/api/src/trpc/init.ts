import { initTRPC } from '@trpc/server';
import { currentLogContext } from '../logger';
import type { Context } from './context';
import { errorShapeOf, toAppError } from './errors';

export type IdempotencyWindow = '24h' | '7d';

export interface Meta {
  /** Requires an `Idempotency-Key` header and replays the stored response for repeats (DOMAIN §10.4). */
  idempotency?: IdempotencyWindow;
  /**
   * 'provider': the procedure's effects live at the payments provider, which deduplicates them by the key the
   * procedure forwards (as Stripe's idempotency keys do). The Idempotency-Key is still required, but no
   * transaction wraps the procedure: a network call must not hold one open, and the simulated provider
   * writes and delivers its webhooks through the app's own handle (PGlite has one connection: it would wait
   * for the transaction forever).
   */
  idempotencyAt?: 'provider';
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
      // Before the context exists (a refused request), the HTTP handler's log context holds the request id.
      const requestId = ctx?.requestId ?? currentLogContext().requestId;
      const formatted = errorShapeOf(toAppError(error), requestId, shape.data.path);
      return { ...formatted, code: shape.code };
    },
  });

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

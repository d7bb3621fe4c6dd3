import { TRPCClientError, type TRPCLink } from '@trpc/client';
import type { AnyTRPCRouter } from '@trpc/server';
import { observable } from '@trpc/server/observable';

/**
 * Whether the server may or may not have applied a failed request: no answer reached us (network, timeout),
 * the server or a proxy failed (5xx), or the first attempt is still running. Retrying such a request with
 * its key is safe (the server replays it if it did commit); any other error is the server's definite answer.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return true;
  const data = error.data as { httpStatus?: number; code?: string } | undefined;
  const status = data?.httpStatus;
  return status === undefined || status >= 500 || status === 429 || data?.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/**
 * Worth retrying at once with the same key: no answer, a gateway or dependency failure, or the first attempt
 * still running (the retry then replays it). Not a bug (500) or a rate limit (429), which a retry only repeats.
 */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof TRPCClientError)) return false;
  const data = error.data as { httpStatus?: number; code?: string } | undefined;
  const status = data?.httpStatus;
  return status === undefined || [502, 503, 504].includes(status) || data?.code === 'IDEMPOTENCY_IN_PROGRESS';
}

/** Same JSON for the same value whatever the order of its object keys. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      item && typeof item === 'object' && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    ) ?? 'undefined'
  );
}

/** A tab keeps at most this many actions whose outcome it does not know yet. */
const MAX_OPEN_ACTIONS = 100;

/**
 * The Idempotency-Key of each user action (DOMAIN §10.4). An action is one mutation of one procedure with one
 * input, from its first attempt until the server answers it for sure: double clicks, TanStack Query retries
 * and a resubmit after a network error all carry the same key, so the server runs the action once and
 * replays it to the others. Once answered (success or a definite error), the same input again is a new
 * action with a new key.
 */
export function createIdempotencyKeys(mint: () => string = () => crypto.randomUUID()) {
  const open = new Map<string, string>();
  return {
    keyFor(action: string): string {
      const existing = open.get(action);
      if (existing) return existing;
      const key = mint();
      open.set(action, key);
      if (open.size > MAX_OPEN_ACTIONS) open.delete(open.keys().next().value as string);
      return key;
    },
    /** The action was answered: forget its key, unless a newer attempt of the same input already took another. */
    answered(action: string, key: string) {
      if (open.get(action) === key) open.delete(action);
    },
  };
}
export type IdempotencyKeys = ReturnType<typeof createIdempotencyKeys>;

/**
 * Puts the action's key in `op.context.idempotencyKey` for the HTTP link to send. A caller that manages its
 * own actions can pass `{ trpc: { context: { idempotencyKey } } }` instead.
 */
export function idempotencyKeyLink<TRouter extends AnyTRPCRouter>(
  keys: IdempotencyKeys = createIdempotencyKeys(),
): TRPCLink<TRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        const given = op.context.idempotencyKey;
        if (op.type !== 'mutation' || typeof given === 'string') return next(op).subscribe(observer);
        const action = `${op.path}:${canonical(op.input)}`;
        const key = keys.keyFor(action);
        const subscription = next({ ...op, context: { ...op.context, idempotencyKey: key } }).subscribe({
          next(result) {
            keys.answered(action, key);
            observer.next(result);
          },
          error(error) {
            if (!outcomeUnknown(error)) keys.answered(action, key);
            observer.error(error);
          },
          complete() {
            observer.complete();
          },
        });
        return () => subscription.unsubscribe();
      });
}

/** The header for an operation's key, for the HTTP link's `headers` option. */
export const idempotencyHeader = ({ op }: { op: { context: Record<string, unknown> } }): Record<string, string> =>
  typeof op.context.idempotencyKey === 'string' ? { 'idempotency-key': op.context.idempotencyKey } : {};

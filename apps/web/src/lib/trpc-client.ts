import type { AppRouter } from '@pf/api';
import { TRPC_CLIENT_BATCH_ITEMS } from '@pf/domain';
import { QueryClient } from '@tanstack/react-query';
import { httpBatchLink, httpLink, splitLink, TRPCClientError, type TRPCLink } from '@trpc/client';
import { createIdempotencyKeys, idempotencyHeader, idempotencyKeyLink, worthRetrying } from './idempotency-keys';

/** Retries of one action reuse its Idempotency-Key, so a mutation whose outcome is unknown may be retried. */
const MUTATION_RETRIES = 2;

export function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !(error instanceof TRPCClientError && error.data?.httpStatus < 500),
      },
      mutations: { retry: (failures, error) => failures < MUTATION_RETRIES && worthRetrying(error) },
    },
  });
}

/**
 * Queries are batched; every mutation goes alone, with the Idempotency-Key of its user action (see
 * idempotency-keys.ts), so procedures that require one always get it and retries cannot apply twice.
 */
export function trpcLinks(options: { url: string; fetch?: typeof fetch }): TRPCLink<AppRouter>[] {
  const { url, fetch } = options;
  return [
    idempotencyKeyLink(createIdempotencyKeys()),
    splitLink({
      condition: (op) => op.type === 'mutation',
      true: httpLink({ url, fetch, headers: idempotencyHeader }),
      false: httpBatchLink({ url, fetch, maxItems: TRPC_CLIENT_BATCH_ITEMS }),
    }),
  ];
}

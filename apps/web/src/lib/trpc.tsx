'use client';

import type { AppRouter } from '@pf/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failures, error) => failures < 2 && !(error instanceof TRPCClientError && error.data?.httpStatus < 500),
      },
    },
  });
}

/**
 * Queries are batched; every mutation goes alone with a fresh Idempotency-Key, so procedures that require
 * one always get it and a network retry of the same attempt cannot apply twice.
 */
export function TrpcProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === 'mutation',
          true: httpLink({ url: '/api/trpc', headers: () => ({ 'idempotency-key': crypto.randomUUID() }) }),
          false: httpBatchLink({ url: '/api/trpc' }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

export interface ApiErrorInfo {
  code: string;
  message: string;
  requestId?: string;
  violations: { path: string; message: string }[];
}

/** The error contract as the UI needs it: a stable code, a sentence, field violations, the request id. */
export function apiErrorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | { code?: string; requestId?: string; violations?: ApiErrorInfo['violations'] }
      | undefined;
    return {
      code: data?.code ?? 'INTERNAL_ERROR',
      message: error.message,
      requestId: data?.requestId,
      violations: data?.violations ?? [],
    };
  }
  return { code: 'INTERNAL_ERROR', message: 'Something went wrong.', violations: [] };
}

'use client';

import type { AppRouter } from '@pf/api';
import { QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { type ReactNode, useState } from 'react';
import { makeQueryClient, trpcLinks } from './trpc-client';

export const { TRPCProvider, useTRPC } = createTRPCContext<AppRouter>();

/** One query client and one tRPC client per browser tab (one key book for its actions). */
export function TrpcProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: trpcLinks({ url: '/api/trpc' }) }));
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

'use client';

import { SessionProvider } from 'next-auth/react';
import type { ReactNode } from 'react';
import { Toaster } from 'sonner';
import { TrpcProviders } from '@/lib/trpc';

export function Providers({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <TrpcProviders>
        {children}
        <Toaster position="bottom-right" mobileOffset={{ bottom: 80 }} closeButton />
      </TrpcProviders>
    </SessionProvider>
  );
}

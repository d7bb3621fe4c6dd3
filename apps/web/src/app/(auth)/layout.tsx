import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center bg-gradient-to-b from-brand-50 to-gray-50 px-4 py-10">
      <Brand />
      <div className="mt-8 w-full max-w-lg">{children}</div>
      <p className="mt-8 text-center text-xs text-gray-500">
        Licensed businesses only. All activity is logged for compliance.
      </p>
    </main>
  );
}

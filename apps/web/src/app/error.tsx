'use client';

import { Button } from '@/components/ui/button';

/** A human sentence plus the reference support needs; never a stack trace. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center">
      <h1 className="text-2xl font-semibold text-gray-900">Something went wrong on our side</h1>
      <p className="mt-2 max-w-md text-gray-600">
        Please try again. If it keeps happening, tell support this reference:
      </p>
      <code className="mt-2 rounded bg-gray-100 px-2 py-1 text-sm">{error.digest ?? 'no reference'}</code>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}

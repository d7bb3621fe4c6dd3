import { ShieldAlert } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center">
      <ShieldAlert className="h-12 w-12 text-red-700" aria-hidden />
      <p className="mt-4 text-sm font-semibold uppercase tracking-wide text-red-700">403 · Not allowed</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">This area is not part of your role</h1>
      <p className="mt-2 max-w-md text-gray-600">
        Your account or your active store cannot open this page. Switch to a store that can, or go back to your own
        area.
      </p>
      <Link href="/" className={buttonVariants({ className: 'mt-6' })}>
        Go to my area
      </Link>
    </main>
  );
}

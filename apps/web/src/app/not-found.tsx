import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-[70vh] flex-col items-center justify-center px-6 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-gray-500">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-gray-900">We could not find that page</h1>
      <Link href="/" className={buttonVariants({ className: 'mt-6' })}>
        Go to my area
      </Link>
    </main>
  );
}

import { Leaf } from 'lucide-react';
import Link from 'next/link';

export function Brand({ href = '/', compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 font-semibold tracking-tight text-brand-800">
      <span className="flex h-8 w-8 items-center justify-center rounded-md bg-brand-700 text-white">
        <Leaf className="h-5 w-5" aria-hidden />
      </span>
      <span className={compact ? 'sr-only sm:not-sr-only sm:text-lg' : 'text-lg'}>PackFinderz</span>
    </Link>
  );
}

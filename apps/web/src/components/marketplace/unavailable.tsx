import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';

/**
 * What a buyer sees for a product or vendor that does not exist, is unlisted, or sells in another state: one
 * page for all of them, so nothing tells them apart.
 */
export function Unavailable({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: string }) {
  return (
    <div className="flex flex-col items-center justify-center rounded-lg border border-dashed border-gray-300 bg-white px-6 py-16 text-center">
      <Icon aria-hidden className="h-10 w-10 text-gray-400" />
      <h1 className="mt-3 text-xl font-semibold text-gray-900">{title}</h1>
      <p className="mt-1 max-w-md text-sm text-gray-600">{children}</p>
      <Link href="/buyer/marketplace" className={buttonVariants({ variant: 'secondary', className: 'mt-6' })}>
        Back to the marketplace
      </Link>
    </div>
  );
}

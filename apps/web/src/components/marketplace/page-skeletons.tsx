import { Skeleton } from '@/components/ui/skeleton';
import { ProductGridSkeleton } from './product-grid';

/** The marketplace/storefront body while the server renders it: sidebar, toolbar and cards in place. */
export function BrowseSkeleton() {
  return (
    <div className="lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
      <div className="hidden space-y-3 lg:block" aria-hidden>
        {Array.from({ length: 12 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
          <Skeleton key={index} className="h-5 w-full" />
        ))}
      </div>
      <div className="@container min-w-0 space-y-4">
        <div className="flex gap-3">
          <Skeleton className="h-10 flex-1" />
          <Skeleton className="h-10 w-40" />
        </div>
        <Skeleton className="h-5 w-28" />
        <ProductGridSkeleton />
      </div>
    </div>
  );
}

/** The product page while it loads: gallery, title, vendor card, price and facts. */
export function ProductDetailSkeleton() {
  return (
    <div className="grid gap-6 lg:grid-cols-2 lg:gap-10">
      <span className="sr-only" role="status">
        Loading product…
      </span>
      <Skeleton className="aspect-[4/3] w-full" />
      <div className="space-y-4">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-8 w-3/4" />
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-9 w-32" />
        <Skeleton className="h-32 w-full" />
      </div>
    </div>
  );
}

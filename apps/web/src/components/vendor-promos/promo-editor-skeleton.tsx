import { Skeleton } from '@/components/ui/skeleton';

const FIELDS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** Shaped like the promo form while its page loads. */
export function PromoEditorSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">
        Loading promo code…
      </p>
      <div className="space-y-2">
        <Skeleton className="h-4 w-28" />
        <Skeleton className="h-8 w-48" />
      </div>
      <div className="rounded-lg border border-gray-200 bg-white p-5">
        <Skeleton className="mb-5 h-5 w-40" />
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {FIELDS.map((field) => (
            <div key={field} className="space-y-2">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-10" />
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}

import { Skeleton } from '@/components/ui/skeleton';

const ROWS = ['a', 'b', 'c', 'd', 'e', 'f'];

/** Shaped like the catalog table, so nothing jumps when it arrives. */
export default function ProductsLoading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <p role="status" className="sr-only">
        Loading products…
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-2">
          <Skeleton className="h-8 w-36" />
          <Skeleton className="h-4 w-72" />
        </div>
        <Skeleton className="h-10 w-36" />
      </div>
      <Skeleton className="h-10 w-full" />
      <div className="rounded-lg border border-gray-200 bg-white">
        <Skeleton className="h-11 rounded-b-none" />
        {ROWS.map((row) => (
          <div key={row} className="flex items-center gap-3 border-t border-gray-100 px-4 py-3">
            <Skeleton className="size-10 shrink-0" />
            <Skeleton className="h-4 w-48" />
            <Skeleton className="ml-auto h-4 w-16" />
            <Skeleton className="hidden h-4 w-16 sm:block" />
          </div>
        ))}
      </div>
    </div>
  );
}

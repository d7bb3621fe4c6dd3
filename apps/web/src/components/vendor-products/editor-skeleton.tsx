import { Skeleton } from '@/components/ui/skeleton';

const SECTIONS = ['basics', 'photos', 'pricing'];

/** Shaped like the product editor: back link, title, then section cards. */
export function EditorSkeleton() {
  return (
    <div aria-busy="true" className="space-y-6">
      <p role="status" className="sr-only">
        Loading the product…
      </p>
      <div className="space-y-3">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-8 w-64" />
      </div>
      {SECTIONS.map((section) => (
        <div key={section} className="space-y-4 rounded-lg border border-gray-200 bg-white p-5">
          <Skeleton className="h-5 w-40" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Skeleton className="h-10" />
            <Skeleton className="h-10" />
            <Skeleton className="h-10 sm:col-span-2" />
          </div>
        </div>
      ))}
    </div>
  );
}

import { BrowseSkeleton } from '@/components/marketplace/page-skeletons';
import { Skeleton } from '@/components/ui/skeleton';

export default function StorefrontLoading() {
  return (
    <>
      <Skeleton className="mb-3 h-5 w-28" />
      <Skeleton className="mb-6 h-[106px] w-full" />
      <BrowseSkeleton />
    </>
  );
}

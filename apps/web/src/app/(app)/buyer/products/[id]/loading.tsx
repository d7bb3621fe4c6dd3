import { ProductDetailSkeleton } from '@/components/marketplace/page-skeletons';
import { Skeleton } from '@/components/ui/skeleton';

export default function ProductLoading() {
  return (
    <>
      <Skeleton className="mb-3 h-5 w-28" />
      <ProductDetailSkeleton />
    </>
  );
}

import type { ProductCardDto } from '@pf/domain';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/cn';
import { ProductCard, ProductCardSkeleton } from './product-card';

/** Columns follow the space the grid has (container queries), not the window: the sidebar takes its share. */
const GRID = 'grid grid-cols-2 gap-3 @xl:grid-cols-3 @xl:gap-4 @3xl:grid-cols-4';

export function ProductGrid({
  items,
  busy,
  showVendor = true,
}: {
  items: ProductCardDto[];
  busy: boolean;
  showVendor?: boolean;
}) {
  return (
    <ul
      aria-label="Products"
      aria-busy={busy || undefined}
      className={cn(GRID, 'transition-opacity', busy && 'opacity-60')}
    >
      {items.map((product, index) => (
        <li key={product.id} className="flex">
          <ProductCard product={product} showVendor={showVendor} eager={index < 8} />
        </li>
      ))}
    </ul>
  );
}

export function ProductGridSkeleton({ count = 12 }: { count?: number }) {
  return (
    <div className={GRID} data-testid="grid-loading">
      <span className="sr-only" role="status">
        Loading products…
      </span>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity.
        <ProductCardSkeleton key={index} />
      ))}
    </div>
  );
}

/** Keyset paging: the API knows whether a page exists before or after this one, not how many there are. */
export function Pager({
  page,
  hasPrevious,
  hasNext,
  onPrevious,
  onNext,
}: {
  page: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
}) {
  if (!hasPrevious && !hasNext) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-3 border-t border-gray-200 pt-4">
      <Button variant="secondary" onClick={onPrevious} disabled={!hasPrevious}>
        <ChevronLeft className="h-4 w-4" aria-hidden /> Previous
      </Button>
      <span className="text-sm text-gray-600" data-testid="page-number">
        Page {page}
      </span>
      <Button variant="secondary" onClick={onNext} disabled={!hasNext}>
        Next <ChevronRight className="h-4 w-4" aria-hidden />
      </Button>
    </nav>
  );
}

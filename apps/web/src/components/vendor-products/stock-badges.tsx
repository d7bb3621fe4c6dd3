import type { StockDto } from '@pf/domain';
import { CircleCheck, CircleOff, PackageX, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { formatCount } from '@/lib/catalog-format';

/** Out of stock (red) or low (amber), always in words with an icon; nothing when stock is fine. */
export function StockBadge({ stock }: { stock: Pick<StockDto, 'availableQty' | 'lowStock' | 'lowStockThreshold'> }) {
  if (stock.availableQty === 0) {
    return (
      <Badge tone="danger" data-testid="stock-badge" className="whitespace-nowrap">
        <PackageX aria-hidden className="size-3" /> Out of stock
      </Badge>
    );
  }
  if (!stock.lowStock) return null;
  return (
    <Badge tone="pending" data-testid="stock-badge" className="whitespace-nowrap">
      <TriangleAlert aria-hidden className="size-3" /> Low stock
      <span className="sr-only"> (alert at {formatCount(stock.lowStockThreshold)} or fewer)</span>
    </Badge>
  );
}

/** Active = listed for buyers (green); inactive = hidden (gray). */
export function ProductStatusBadge({ active }: { active: boolean }) {
  return active ? (
    <Badge tone="success" data-testid="product-status">
      <CircleCheck aria-hidden className="size-3" /> Active
    </Badge>
  ) : (
    <Badge tone="neutral" data-testid="product-status">
      <CircleOff aria-hidden className="size-3" /> Inactive
    </Badge>
  );
}

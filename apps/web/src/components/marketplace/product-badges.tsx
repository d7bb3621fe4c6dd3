import { BadgeCheck, CircleAlert, CircleSlash, Percent } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

/** Catalog markers with an icon and words, never colour alone. */
export function ProductBadge({ kind }: { kind: 'discount' | 'outOfStock' | 'belowMoq' | 'inStock' }) {
  if (kind === 'discount') {
    return (
      <Badge className="bg-brand-50 text-brand-800 ring-brand-200">
        <Percent className="h-3 w-3" aria-hidden /> Volume discount
      </Badge>
    );
  }
  if (kind === 'outOfStock') {
    return (
      <Badge tone="danger" data-testid="out-of-stock">
        <CircleSlash className="h-3 w-3" aria-hidden /> Out of stock
      </Badge>
    );
  }
  if (kind === 'belowMoq') {
    return (
      <Badge tone="pending" data-testid="below-moq">
        <CircleAlert className="h-3 w-3" aria-hidden /> Below minimum order
      </Badge>
    );
  }
  return <Badge tone="success">In stock</Badge>;
}

export function VerifiedBadge() {
  return (
    <Badge tone="success">
      <BadgeCheck className="h-3.5 w-3.5" aria-hidden /> Verified vendor
    </Badge>
  );
}

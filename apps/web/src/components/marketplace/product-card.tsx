import type { ProductCardDto } from '@pf/domain';
import { ImageOff } from 'lucide-react';
import Link from 'next/link';
import { CardCartControl } from '@/components/cart/add-to-cart';
import { Badge } from '@/components/ui/badge';
import { Skeleton } from '@/components/ui/skeleton';
import {
  CATEGORY_LABELS,
  CLASSIFICATION_LABELS,
  formatMoney,
  formatPercent,
  formatQuantity,
  UNIT_LABELS,
} from '@/lib/catalog-format';
import { ProductBadge } from './product-badges';

export const productHref = (id: string) => `/buyer/products/${id}`;
export const storefrontHref = (vendorId: string) => `/buyer/vendors/${vendorId}`;

/** "THC 22.5% · CBD 0.1%", or null when neither is known. */
export function potencyText(thc: number | null, cbd: number | null): string | null {
  const parts = [thc === null ? null : `THC ${formatPercent(thc)}`, cbd === null ? null : `CBD ${formatPercent(cbd)}`];
  const known = parts.filter(Boolean);
  return known.length ? known.join(' · ') : null;
}

/** One product in the grid: the whole card opens the detail page; the vendor name opens the storefront. */
export function ProductCard({
  product,
  showVendor = true,
  eager = false,
}: {
  product: ProductCardDto;
  showVendor?: boolean;
  /** Above the fold: load the image at once instead of lazily. */
  eager?: boolean;
}) {
  const potency = potencyText(product.thcPercent, product.cbdPercent);
  return (
    <article
      data-testid="product-card"
      className="group relative flex w-full flex-col overflow-hidden rounded-lg border border-gray-200 bg-white shadow-xs transition-shadow focus-within:ring-2 focus-within:ring-brand-600 hover:shadow-md"
    >
      <div className="relative aspect-[4/3] w-full overflow-hidden bg-gray-100">
        {product.thumbnailUrl ? (
          // biome-ignore lint/performance/noImgElement: signed storage URLs; explicit size, lazy below the fold.
          <img
            src={product.thumbnailUrl}
            alt=""
            width={320}
            height={240}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            className="absolute inset-0 h-full w-full object-cover"
          />
        ) : (
          <div className="absolute inset-0 flex items-center justify-center text-gray-400">
            <ImageOff className="h-8 w-8" aria-hidden />
          </div>
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1.5 p-3">
        <div className="flex flex-wrap gap-1">
          <Badge>{CATEGORY_LABELS[product.category]}</Badge>
          {product.classification ? <Badge>{CLASSIFICATION_LABELS[product.classification]}</Badge> : null}
        </div>
        <h3 className="line-clamp-2 text-sm font-semibold leading-snug text-gray-900">
          <Link
            href={productHref(product.id)}
            className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
          >
            {product.title}
          </Link>
        </h3>
        {showVendor ? (
          <p className="truncate text-xs text-gray-600">
            by{' '}
            <Link
              href={storefrontHref(product.vendor.id)}
              className="relative z-10 font-medium text-gray-800 underline-offset-2 hover:underline"
            >
              {product.vendor.name}
            </Link>
          </p>
        ) : null}
        {potency ? <p className="text-xs text-gray-700">{potency}</p> : null}
        <div className="mt-auto flex flex-wrap items-baseline gap-x-1.5 pt-1">
          <span className="text-base font-semibold text-gray-900" data-testid="card-price">
            {formatMoney(product.priceCents)}
          </span>
          <span className="text-xs text-gray-600">/ {UNIT_LABELS[product.unit]}</span>
          {product.compareAtPriceCents !== null && product.compareAtPriceCents > product.priceCents ? (
            <del className="text-xs text-gray-500">
              <span className="sr-only">was </span>
              {formatMoney(product.compareAtPriceCents)}
            </del>
          ) : null}
        </div>
        <p className="text-xs text-gray-600">MOQ {formatQuantity(product.moq, product.unit)}</p>
        {product.hasVolumeDiscount || product.availability !== 'in_stock' ? (
          <div className="flex flex-wrap gap-1">
            {product.hasVolumeDiscount ? <ProductBadge kind="discount" /> : null}
            {product.availability === 'out_of_stock' ? <ProductBadge kind="outOfStock" /> : null}
            {product.availability === 'below_moq' ? <ProductBadge kind="belowMoq" /> : null}
          </div>
        ) : null}
        <CardCartControl product={product} />
      </div>
    </article>
  );
}

/** A card's shape while the page loads: same image ratio and text rows, so nothing moves when it arrives. */
export function ProductCardSkeleton() {
  return (
    <div className="flex flex-col overflow-hidden rounded-lg border border-gray-200 bg-white">
      <Skeleton className="aspect-[4/3] w-full rounded-none" />
      <div className="flex flex-col gap-2 p-3">
        <div className="flex gap-1">
          <Skeleton className="h-5 w-14 rounded-full" />
          <Skeleton className="h-5 w-12 rounded-full" />
        </div>
        <Skeleton className="h-4 w-4/5" />
        <Skeleton className="h-3 w-1/2" />
        <Skeleton className="h-3 w-2/3" />
        <Skeleton className="mt-1 h-5 w-1/3" />
        <Skeleton className="h-3 w-1/2" />
      </div>
    </div>
  );
}

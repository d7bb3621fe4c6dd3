import type { ProductDetailDto } from '@pf/domain';
import { FileText } from 'lucide-react';
import Link from 'next/link';
import { ProductCartPanel } from '@/components/cart/add-to-cart';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader, CardTitle } from '@/components/ui/card';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS, formatMoney, formatQuantity, UNIT_LABELS } from '@/lib/catalog-format';
import { DiscountTiersTable } from './discount-tiers';
import { ProductBadge } from './product-badges';
import { storefrontHref } from './product-card';
import { ProductFacts, ProductTags } from './product-facts';
import { ProductGallery } from './product-gallery';
import { VendorBadges, VendorLocation, VendorLogo } from './vendor-identity';

function VendorSummaryCard({ vendor }: { vendor: ProductDetailDto['vendor'] }) {
  return (
    <div
      className="flex items-center gap-3 rounded-lg border border-gray-200 bg-white p-3"
      data-testid="vendor-summary"
    >
      <VendorLogo vendor={vendor} size={48} />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="break-words text-sm font-semibold text-gray-900">{vendor.name}</p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <VendorLocation vendor={vendor} />
          <VendorBadges vendor={vendor} />
        </div>
      </div>
      <Link
        href={storefrontHref(vendor.id)}
        className="shrink-0 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
      >
        View storefront<span className="sr-only"> of {vendor.name}</span>
      </Link>
    </div>
  );
}

function Availability({ product }: { product: ProductDetailDto }) {
  if (product.availability === 'out_of_stock') return <ProductBadge kind="outOfStock" />;
  const available = `${formatQuantity(product.availableQty, product.unit)} available`;
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-gray-700" data-testid="availability">
      {product.availability === 'below_moq' ? (
        <>
          <ProductBadge kind="belowMoq" />
          {available}, less than the minimum order of {formatQuantity(product.moq, product.unit)}
        </>
      ) : (
        <>
          <ProductBadge kind="inStock" />
          {available}
        </>
      )}
    </p>
  );
}

/** Everything a buyer needs to decide: images, seller, price ladder, facts, tags and the lab certificate. */
export function ProductDetail({ product }: { product: ProductDetailDto }) {
  const images = [...product.gallery]
    .sort((a, b) => a.position - b.position)
    .flatMap((item) =>
      item.url ? [{ mediaId: item.mediaId, url: item.url, thumbnailUrl: item.thumbnailUrl ?? item.url }] : [],
    );
  const compareAt = product.compareAtPriceCents;
  return (
    <div className="space-y-8">
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)] lg:gap-10">
        <ProductGallery title={product.title} images={images} />
        <div className="space-y-5">
          <div className="space-y-2">
            <div className="flex flex-wrap gap-1.5">
              <Badge>{CATEGORY_LABELS[product.category]}</Badge>
              {product.classification ? <Badge>{CLASSIFICATION_LABELS[product.classification]}</Badge> : null}
              {product.hasVolumeDiscount ? <ProductBadge kind="discount" /> : null}
            </div>
            <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{product.title}</h1>
            {product.subtitle ? <p className="text-sm text-gray-600">{product.subtitle}</p> : null}
          </div>
          <VendorSummaryCard vendor={product.vendor} />
          <div className="space-y-2">
            <p className="flex flex-wrap items-baseline gap-x-2">
              <span className="text-3xl font-semibold text-gray-900" data-testid="product-price">
                {formatMoney(product.priceCents)}
              </span>
              <span className="text-sm text-gray-600">per {UNIT_LABELS[product.unit]}</span>
              {compareAt !== null && compareAt > product.priceCents ? (
                <del className="text-sm text-gray-500">
                  <span className="sr-only">was </span>
                  {formatMoney(compareAt)}
                </del>
              ) : null}
            </p>
            <Availability product={product} />
          </div>
          <ProductFacts product={product} />
          <ProductCartPanel product={product} />
          {product.coaUrl ? (
            <a
              href={product.coaUrl}
              download
              className="inline-flex min-h-10 items-center gap-2 text-sm font-medium text-brand-700 underline-offset-4 hover:underline"
            >
              <FileText className="h-4 w-4" aria-hidden /> Download certificate of analysis (COA)
            </a>
          ) : (
            <p className="text-sm text-gray-600">No certificate of analysis uploaded yet.</p>
          )}
        </div>
      </div>

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Volume pricing</CardTitle>
          </CardHeader>
          <CardBody>
            {product.volumeDiscounts.length > 0 ? (
              <DiscountTiersTable
                priceCents={product.priceCents}
                moq={product.moq}
                unit={product.unit}
                tiers={product.volumeDiscounts}
              />
            ) : (
              <p className="text-sm text-gray-600">
                One price at every quantity: {formatMoney(product.priceCents)} per {UNIT_LABELS[product.unit]}.
              </p>
            )}
          </CardBody>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>About this product</CardTitle>
          </CardHeader>
          <CardBody className="space-y-5">
            <p className="whitespace-pre-line text-sm leading-relaxed text-gray-800">
              {product.description ?? 'The vendor has not written a description yet.'}
            </p>
            <ProductTags product={product} />
          </CardBody>
        </Card>
      </div>
    </div>
  );
}

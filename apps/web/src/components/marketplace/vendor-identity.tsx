import { MapPin, Phone, Store } from 'lucide-react';
import { cn } from '@/lib/cn';
import { VerifiedBadge } from './product-badges';
import type { VendorSummary } from './types';

/** The vendor's logo at an explicit size, or a neutral tile with a store icon. */
export function VendorLogo({ vendor, size }: { vendor: Pick<VendorSummary, 'logoUrl'>; size: number }) {
  const box = 'shrink-0 overflow-hidden rounded-lg border border-gray-200 bg-white';
  if (!vendor.logoUrl) {
    return (
      <div className={cn(box, 'flex items-center justify-center text-gray-400')} style={{ width: size, height: size }}>
        <Store className="h-1/2 w-1/2" aria-hidden />
      </div>
    );
  }
  return (
    // biome-ignore lint/performance/noImgElement: signed storage URL with explicit size.
    <img src={vendor.logoUrl} alt="" width={size} height={size} className={cn(box, 'object-contain')} />
  );
}

export function VendorLocation({ vendor }: { vendor: Pick<VendorSummary, 'city' | 'state'> }) {
  return (
    <span className="inline-flex items-center gap-1 text-sm text-gray-600">
      <MapPin className="h-4 w-4" aria-hidden />
      {vendor.city}, {vendor.state}
    </span>
  );
}

export function VendorBadges({ vendor }: { vendor: Pick<VendorSummary, 'badges'> }) {
  return vendor.badges.includes('verified') ? <VerifiedBadge /> : null;
}

/** The vendor's phone as a link that dials it on a phone. */
function VendorPhone({ phone }: { phone: string }) {
  return (
    <a
      href={`tel:${phone.replace(/[^\d+]/g, '')}`}
      className="inline-flex items-center gap-1 text-sm text-gray-700 underline-offset-2 hover:underline"
    >
      <Phone className="h-4 w-4" aria-hidden />
      {phone}
    </a>
  );
}

/** Storefront header: the banner, who sells here, where from, how to call them and what they say about themselves. */
export function VendorHeader({ vendor }: { vendor: VendorSummary }) {
  return (
    <section
      aria-labelledby="vendor-name"
      className="mb-6 overflow-hidden rounded-lg border border-gray-200 bg-white shadow-xs"
      data-testid="vendor-header"
    >
      {vendor.bannerUrl ? (
        // biome-ignore lint/performance/noImgElement: signed storage URL with explicit size.
        <img
          src={vendor.bannerUrl}
          alt=""
          width={1200}
          height={300}
          className="aspect-[4/1] max-h-48 w-full object-cover"
        />
      ) : null}
      <div className="flex items-center gap-4 p-4 sm:p-5">
        <VendorLogo vendor={vendor} size={72} />
        <div className="min-w-0 space-y-1.5">
          <h1 id="vendor-name" className="text-xl font-semibold tracking-tight text-gray-900 sm:text-2xl">
            {vendor.name}
          </h1>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <VendorLocation vendor={vendor} />
            {vendor.phone ? <VendorPhone phone={vendor.phone} /> : null}
            <VendorBadges vendor={vendor} />
          </div>
        </div>
      </div>
      {vendor.description ? (
        <div className="border-t border-gray-100 px-4 py-4 sm:px-5">
          <h2 className="text-sm font-semibold text-gray-900">About the business</h2>
          <p className="mt-1 max-w-3xl whitespace-pre-line text-sm leading-relaxed text-gray-700">
            {vendor.description}
          </p>
        </div>
      ) : null}
    </section>
  );
}

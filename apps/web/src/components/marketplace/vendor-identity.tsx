import { MapPin, Store } from 'lucide-react';
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

/** Storefront header: who sells here, where from, and whether they are verified. */
export function VendorHeader({ vendor }: { vendor: VendorSummary }) {
  return (
    <div className="mb-6 flex items-center gap-4 rounded-lg border border-gray-200 bg-white p-4 shadow-xs sm:p-5">
      <VendorLogo vendor={vendor} size={72} />
      <div className="min-w-0 space-y-1.5">
        <h1 className="text-xl font-semibold tracking-tight text-gray-900 sm:text-2xl">{vendor.name}</h1>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
          <VendorLocation vendor={vendor} />
          <VendorBadges vendor={vendor} />
        </div>
      </div>
    </div>
  );
}

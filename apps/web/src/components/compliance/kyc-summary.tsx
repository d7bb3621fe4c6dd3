import type { KycStatus, StoreType } from '@pf/domain';
import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { KycBadge } from '@/components/ui/badge';
import { Card, CardBody } from '@/components/ui/card';
import { cn } from '@/lib/cn';
import { kycMeaning } from '@/lib/licenses';

/** The store's verification status and what it means for trading right now. */
export function KycSummary({
  type,
  status,
  subscriptionActive,
}: {
  type: StoreType;
  status: KycStatus;
  /** Vendors are listed only with an active subscription (the listing flag billing derives). */
  subscriptionActive: boolean;
}) {
  const verified = status === 'verified';
  const Icon = verified ? ShieldCheck : ShieldAlert;
  return (
    <Card data-testid="kyc-summary">
      <CardBody className="flex items-start gap-4">
        <span
          className={cn(
            'flex h-10 w-10 shrink-0 items-center justify-center rounded-full',
            verified
              ? 'bg-green-50 text-green-700'
              : status === 'pending_verification'
                ? 'bg-amber-50 text-amber-700'
                : 'bg-red-50 text-red-700',
          )}
        >
          <Icon className="h-5 w-5" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-gray-900">Store verification</h2>
            <KycBadge status={status} />
          </div>
          <p className="mt-1 text-sm text-gray-700">{kycMeaning(type, status, subscriptionActive)}</p>
        </div>
      </CardBody>
    </Card>
  );
}

import type { StoreSummaryDto } from '@pf/domain';
import { ShieldCheck } from 'lucide-react';
import { KycBadge } from '@/components/ui/badge';
import { Card, CardBody } from '@/components/ui/card';

/** What stands between this store and trading: license verification first. */
export function StoreStatus({ store, subscriptionActive }: { store: StoreSummaryDto; subscriptionActive?: boolean }) {
  const verified = store.kycStatus === 'verified';
  // The listing flag follows the subscription (billing); a verified vendor without one is still not listed.
  const unlisted = store.type === 'vendor' && subscriptionActive === false;
  return (
    <Card>
      <CardBody className="flex flex-wrap items-start gap-4">
        <ShieldCheck className={verified ? 'h-8 w-8 text-green-700' : 'h-8 w-8 text-amber-600'} aria-hidden />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="text-base font-semibold text-gray-900">Compliance status</h2>
            <KycBadge status={store.kycStatus} />
          </div>
          <p className="mt-1 text-sm text-gray-600">
            {verified && unlisted
              ? 'Your license is verified. Buyers will see your products once your vendor subscription is active.'
              : verified
                ? 'Your license is verified. Your store can trade on PackFinderz.'
                : store.type === 'vendor'
                  ? 'Buyers cannot see your store until an admin verifies your state license and your subscription is active.'
                  : 'You can browse once an admin verifies your state license.'}
          </p>
        </div>
      </CardBody>
    </Card>
  );
}

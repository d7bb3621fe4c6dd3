'use client';

import { useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { Badge, KycBadge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { SearchInput } from '@/components/ui/search-input';
import { formatDate, SUBSCRIPTION_STATUS } from '@/lib/billing';
import { useTRPC } from '@/lib/trpc';
import { useDebounced } from '@/lib/use-debounced';
import { ListingOverrideForm } from './listing-override-form';

/** Vendor stores with their subscription status, listing flag and any support override. */
export function BillingStores() {
  const trpc = useTRPC();
  const [q, setQ] = useState('');
  const query = useDebounced(q, 300);
  const [editing, setEditing] = useState<string | null>(null);
  const { data, isPending } = useQuery(
    trpc.admin.billing.stores.list.queryOptions({ q: query || undefined, limit: 100 }),
  );
  return (
    <div className="space-y-3">
      <SearchInput
        value={q}
        onChange={(event) => setQ(event.target.value)}
        label="Search stores"
        placeholder="Search vendor stores"
        wrapperClassName="max-w-sm"
      />
      <div className="overflow-x-auto rounded-lg border border-gray-200 bg-white">
        <table className="w-full min-w-[48rem] text-left text-sm" data-testid="billing-stores">
          <thead className="border-b border-gray-200 bg-gray-50 text-xs uppercase text-gray-500">
            <tr>
              <th className="px-3 py-2 font-medium">Store</th>
              <th className="px-3 py-2 font-medium">License</th>
              <th className="px-3 py-2 font-medium">Subscription</th>
              <th className="px-3 py-2 font-medium">Period ends</th>
              <th className="px-3 py-2 font-medium">Listed</th>
              <th className="px-3 py-2 font-medium">Override</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {isPending ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-gray-500">
                  Loading…
                </td>
              </tr>
            ) : data?.items.length === 0 ? (
              <tr>
                <td colSpan={6} className="px-3 py-6 text-center text-gray-500">
                  No vendor stores match.
                </td>
              </tr>
            ) : (
              data?.items.map((store) => {
                const status = store.subscription ? SUBSCRIPTION_STATUS[store.subscription.status] : null;
                return (
                  <Fragment key={store.storeId}>
                    <tr>
                      <td className="px-3 py-2">
                        <span className="font-medium text-gray-900">{store.name}</span>
                        <span className="ml-2 text-gray-500">{store.state}</span>
                      </td>
                      <td className="px-3 py-2">
                        <KycBadge status={store.kycStatus} />
                      </td>
                      <td className="px-3 py-2">
                        {status ? (
                          <Badge tone={status.tone}>{status.label}</Badge>
                        ) : (
                          <span className="text-gray-500">None</span>
                        )}
                        {store.subscription?.planName ? (
                          <span className="ml-2 text-gray-600">{store.subscription.planName}</span>
                        ) : null}
                        {store.subscription?.cancelAtPeriodEnd ? (
                          <span className="ml-2 text-gray-600">(ends)</span>
                        ) : null}
                        {store.subscription?.graceEndsAt ? (
                          <span className="ml-2 text-amber-700">
                            grace until {formatDate(store.subscription.graceEndsAt)}
                          </span>
                        ) : null}
                      </td>
                      <td className="px-3 py-2 whitespace-nowrap">
                        {formatDate(store.subscription?.currentPeriodEnd ?? null)}
                      </td>
                      <td className="px-3 py-2">
                        <Badge tone={store.listed ? 'success' : 'neutral'}>{store.listed ? 'Listed' : 'Hidden'}</Badge>
                      </td>
                      <td className="px-3 py-2">
                        {store.override ? (
                          <span className="text-gray-700" title={store.override.reason}>
                            {store.override.listed ? 'Listed by support' : 'Hidden by support'}
                          </span>
                        ) : null}
                        <Button size="sm" variant="ghost" onClick={() => setEditing(store.storeId)}>
                          Change
                        </Button>
                      </td>
                    </tr>
                    {editing === store.storeId ? (
                      <tr>
                        <td colSpan={6} className="bg-gray-50 px-3 py-3">
                          <ListingOverrideForm store={store} onDone={() => setEditing(null)} />
                        </td>
                      </tr>
                    ) : null}
                  </Fragment>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

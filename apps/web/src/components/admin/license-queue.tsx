'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import {
  DEFAULT_QUEUE_FILTERS,
  hasNarrowingFilters,
  type QueueFilters,
  queueFiltersToSearch,
  queueInputOf,
} from '@/lib/license-queue';
import { LICENSE_STATUS } from '@/lib/licenses';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { useDebounced } from '@/lib/use-debounced';
import { licenseHref, licenseQueueColumns } from './license-queue-columns';
import { LicenseQueueFilters } from './license-queue-filters';

/** The verification queue: oldest first, filtered on the server, "Load more" pages forward. */
export function LicenseQueue({ initialFilters }: { initialFilters: QueueFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const [filters, setFilters] = useState(initialFilters);
  const search = useDebounced(filters.search);
  const applied = { ...filters, search };
  const queue = useInfiniteQuery(
    trpc.admin.licenses.queue.infiniteQueryOptions(queueInputOf(applied), {
      getNextPageParam: (page) => page.nextCursor,
      placeholderData: keepPreviousData,
      staleTime: 0,
    }),
  );
  const items = queue.data?.pages.flatMap((page) => page.items) ?? [];

  const change = (next: QueueFilters) => {
    setFilters(next);
    // Kept in the URL so Back from a license comes back to this view.
    router.replace(`/admin/licenses${queueFiltersToSearch(next)}`, { scroll: false });
  };

  const narrowed = hasNarrowingFilters(applied);
  const empty =
    narrowed || applied.status !== 'pending' ? (
      <EmptyState
        icon={ShieldCheck}
        title="No licenses match"
        action={
          <Button variant="secondary" onClick={() => change(DEFAULT_QUEUE_FILTERS)}>
            Show the pending queue
          </Button>
        }
      >
        No {LICENSE_STATUS[applied.status].label.toLowerCase()} licenses{narrowed ? ' match these filters' : ''}.
      </EmptyState>
    ) : (
      <EmptyState icon={ShieldCheck} title="The queue is clear">
        No licenses are waiting for review. New submissions appear here, oldest first, and in the admin inbox.
      </EmptyState>
    );

  return (
    <div className="space-y-4">
      <LicenseQueueFilters filters={filters} onChange={change} />
      {queue.isError ? (
        <FormError>
          The queue could not be loaded: {apiErrorInfo(queue.error).message}
          {apiErrorInfo(queue.error).requestId ? ` (reference ${apiErrorInfo(queue.error).requestId})` : ''}
        </FormError>
      ) : null}
      <DataTable
        caption={`${LICENSE_STATUS[applied.status].label} licenses, oldest first`}
        columns={licenseQueueColumns}
        data={items}
        getRowId={(license) => license.id}
        rowHref={licenseHref}
        loading={queue.isPending}
        empty={empty}
        footer={
          items.length > 0 ? (
            <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-gray-600">
              <span aria-live="polite">
                Showing {items.length} {items.length === 1 ? 'license' : 'licenses'}
                {queue.isFetching && !queue.isFetchingNextPage ? ' · updating…' : ''}
              </span>
              {queue.hasNextPage ? (
                <Button variant="secondary" onClick={() => queue.fetchNextPage()} disabled={queue.isFetchingNextPage}>
                  {queue.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              ) : (
                <span>End of the list</span>
              )}
            </div>
          ) : null
        }
      />
    </div>
  );
}

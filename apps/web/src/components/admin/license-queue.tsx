'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { ShieldCheck } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import { LoadMoreFooter } from '@/components/ui/load-more-footer';
import {
  DEFAULT_QUEUE_FILTERS,
  hasNarrowingFilters,
  type QueueFilters,
  queueFiltersToSearch,
  queueInputOf,
} from '@/lib/license-queue';
import { LICENSE_STATUS } from '@/lib/licenses';
import { countOf } from '@/lib/plural';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { useDebounced } from '@/lib/use-debounced';
import { useUrlFilters } from '@/lib/use-url-filters';
import { licenseHref, licenseQueueColumns } from './license-queue-columns';
import { LicenseQueueFilters } from './license-queue-filters';

/** The verification queue: oldest first, filtered on the server, "Load more" pages forward. */
export function LicenseQueue({ initialFilters }: { initialFilters: QueueFilters }) {
  const trpc = useTRPC();
  const [filters, change] = useUrlFilters(initialFilters, (next) => `/admin/licenses${queueFiltersToSearch(next)}`);
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
            <LoadMoreFooter query={queue}>
              Showing {countOf(items.length, { one: 'license', other: 'licenses' })}
            </LoadMoreFooter>
          ) : null
        }
      />
    </div>
  );
}

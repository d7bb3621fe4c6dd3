'use client';

import type { MemberRole, StoreType } from '@pf/domain';
import { useInfiniteQuery } from '@tanstack/react-query';
import { FileBadge } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { FormError } from '@/components/ui/field';
import { Skeleton } from '@/components/ui/skeleton';
import { canSubmitLicense } from '@/lib/licenses';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { LicenseItem } from './license-item';

const EMPTY_TEXT: Record<StoreType, string> = {
  vendor:
    'Upload the state license this store grows, produces or sells under: a PDF or a clear photo of the whole document, with the license number and expiration date readable. An admin reviews it, usually within one business day.',
  buyer:
    'Upload your dispensary’s state license: a PDF or a clear photo of the whole document, with the license number and expiration date readable. An admin reviews it, usually within one business day.',
};

function LicenseSkeleton() {
  return (
    <div className="space-y-3 px-5 py-4">
      <div className="flex justify-between">
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-5 w-24 rounded-full" />
      </div>
      <Skeleton className="h-4 w-32" />
      <div className="grid grid-cols-3 gap-4">
        <Skeleton className="h-9" />
        <Skeleton className="h-9" />
        <Skeleton className="h-9" />
      </div>
    </div>
  );
}

/** The store's licenses, newest first, with what each one needs from the store. */
export function LicensesPanel({ role, storeType }: { role: MemberRole; storeType: StoreType }) {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.licenses.list.infiniteQueryOptions({}, { getNextPageParam: (page) => page.nextCursor, staleTime: 0 }),
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) {
    return (
      <Card aria-busy="true">
        <CardHeader>
          <CardTitle>Licenses</CardTitle>
        </CardHeader>
        <LicenseSkeleton />
      </Card>
    );
  }
  if (list.isError) {
    const info = apiErrorInfo(list.error);
    return (
      <FormError>
        Your licenses could not be loaded: {info.message}
        {info.requestId ? ` (reference ${info.requestId})` : ''}
      </FormError>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        icon={FileBadge}
        title="No licenses on file yet"
        action={
          canSubmitLicense(role) ? (
            <Button asChild>
              <a href="#add-license">Add a license</a>
            </Button>
          ) : null
        }
      >
        {EMPTY_TEXT[storeType]}
      </EmptyState>
    );
  }
  return (
    <Card>
      <CardHeader className="flex items-center justify-between gap-2">
        <CardTitle>Licenses</CardTitle>
        <span className="text-sm text-gray-500">{items.length === 1 ? '1 on file' : `${items.length} on file`}</span>
      </CardHeader>
      <ul className="divide-y divide-gray-100" aria-label="Your licenses">
        {items.map((license) => (
          <LicenseItem key={license.id} license={license} role={role} />
        ))}
      </ul>
      {list.hasNextPage ? (
        <div className="border-t border-gray-100 px-5 py-3 text-center">
          <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
            {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

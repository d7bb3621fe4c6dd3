'use client';

import { isAppRelativeLink, type NotificationDto, type NotificationType } from '@pf/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BellOff,
  Check,
  CheckCheck,
  ChevronRight,
  type LucideIcon,
  Megaphone,
  Package,
  ShieldAlert,
  ShieldCheck,
  TrendingUp,
} from 'lucide-react';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { toast } from 'sonner';
import { RelativeTime } from '@/components/relative-time';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';
import { countOf } from '@/lib/plural';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** Whose inbox this is decides what the empty state promises. */
export type InboxKind = 'store' | 'admins' | 'none';

const KINDS: Record<NotificationType, { label: string; icon: LucideIcon }> = {
  order_alert: { label: 'Order', icon: Package },
  compliance: { label: 'Compliance', icon: ShieldCheck },
  security_alert: { label: 'Team & security', icon: ShieldAlert },
  system_announcement: { label: 'Announcement', icon: Megaphone },
  market_update: { label: 'Market update', icon: TrendingUp },
};

const EMPTY_TEXT: Record<InboxKind, string> = {
  store: 'New orders, team changes and license updates for this store show up here.',
  admins: 'License reviews and payment problems that need an administrator show up here.',
  none: 'Notifications belong to a store or to the admin inbox. Join a store to receive them.',
};

function NotificationRow({
  notification,
  pending,
  onMarkRead,
  onFollow,
}: {
  notification: NotificationDto;
  pending: boolean;
  onMarkRead: (notification: NotificationDto) => void;
  /** Following a link reads the notification; the page changes, so no focus handling. */
  onFollow: (notification: NotificationDto) => void;
}) {
  const { label, icon: Icon } = KINDS[notification.type];
  const unread = notification.readAt === null;
  const link = isAppRelativeLink(notification.link) ? notification.link : null;
  return (
    <li
      id={`notification-${notification.id}`}
      tabIndex={-1}
      data-testid="notification"
      data-unread={unread ? 'true' : 'false'}
      className={cn(
        'relative flex gap-3 px-4 py-4 sm:gap-4 sm:px-5',
        unread ? 'bg-brand-50/60' : 'bg-white',
        unread && 'before:absolute before:inset-y-0 before:left-0 before:w-1 before:bg-brand-600',
      )}
    >
      <span
        className={cn(
          'flex h-9 w-9 shrink-0 items-center justify-center rounded-full',
          unread ? 'bg-brand-100 text-brand-800' : 'bg-gray-100 text-gray-500',
        )}
      >
        <Icon className="h-5 w-5" aria-hidden />
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <h3 className={cn('text-sm', unread ? 'font-semibold text-gray-900' : 'font-medium text-gray-700')}>
              {link ? (
                <Link
                  href={link}
                  className="inline-flex items-center gap-1 hover:underline"
                  onClick={() => unread && onFollow(notification)}
                >
                  {notification.title}
                  <ChevronRight className="h-4 w-4 text-gray-400" aria-hidden />
                </Link>
              ) : (
                notification.title
              )}
            </h3>
            {unread ? (
              <span className="inline-flex items-center gap-1 text-xs font-medium text-brand-800">
                <span aria-hidden className="h-2 w-2 rounded-full bg-brand-600" />
                Unread
              </span>
            ) : null}
          </div>
          <p className={cn('mt-0.5 text-sm', unread ? 'text-gray-800' : 'text-gray-600')}>{notification.message}</p>
          <p className="mt-1 text-xs text-gray-600">
            {label} · <RelativeTime value={notification.createdAt} />
          </p>
        </div>
        {unread ? (
          <Button
            variant="secondary"
            size="sm"
            className="h-10 self-start sm:h-8 sm:self-center"
            disabled={pending}
            aria-label={`Mark read: ${notification.title}`}
            onClick={() => onMarkRead(notification)}
          >
            <Check className="h-4 w-4" aria-hidden />
            Mark read
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function ListSkeleton() {
  return (
    <ul aria-hidden className="divide-y divide-gray-100">
      {[0, 1, 2, 3].map((row) => (
        <li key={row} className="flex gap-4 px-5 py-4">
          <Skeleton className="h-9 w-9 shrink-0 rounded-full" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-full max-w-md" />
            <Skeleton className="h-3 w-24" />
          </div>
        </li>
      ))}
    </ul>
  );
}

export function NotificationsList({ inbox }: { inbox: InboxKind }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const refreshAll = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });

  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { unreadOnly },
      { getNextPageParam: (page) => page.nextCursor, staleTime: 0, refetchOnWindowFocus: true },
    ),
  );
  // Same query (and cache entry) as the bell's: no extra polling.
  const unread = useQuery({ ...trpc.notifications.unreadCount.queryOptions(), staleTime: 0 });
  const unreadCount = unread.data?.count ?? 0;
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: refreshAll }));
  const markAllRead = useMutation(trpc.notifications.markAllRead.mutationOptions({ onSuccess: refreshAll }));

  // A notification that arrives while the page is open shows up without a reload.
  const seenCount = useRef(unreadCount);
  useEffect(() => {
    if (unreadCount > seenCount.current) {
      void queryClient.invalidateQueries({ queryKey: trpc.notifications.list.pathKey() });
    }
    seenCount.current = unreadCount;
  }, [unreadCount, queryClient, trpc]);

  const onMarkRead = async (notification: NotificationDto) => {
    try {
      await markRead.mutateAsync({ id: notification.id });
      // Keep keyboard focus in the list: on the row if it is still shown, else on the list itself.
      const row = document.getElementById(`notification-${notification.id}`);
      (row ?? listRef.current)?.focus();
    } catch (error) {
      toast.error(apiErrorInfo(error).message);
    }
  };

  const onMarkAllRead = async () => {
    try {
      const { updated } = await markAllRead.mutateAsync({});
      toast.success(
        updated === 0
          ? 'Nothing left to mark'
          : `Marked ${countOf(updated, { one: 'notification', other: 'notifications' })} read`,
      );
    } catch (error) {
      toast.error(apiErrorInfo(error).message);
    }
  };

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filters = [
    { value: false, label: 'All' },
    { value: true, label: unreadCount > 0 ? `Unread (${unreadCount > 99 ? '99+' : unreadCount})` : 'Unread' },
  ];

  return (
    <section aria-labelledby="notifications-list-heading" className="space-y-4">
      <h2 id="notifications-list-heading" className="sr-only">
        {unreadOnly ? 'Unread notifications' : 'All notifications'}
      </h2>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <fieldset className="inline-flex rounded-md border border-gray-300 bg-white p-0.5">
          <legend className="sr-only">Show</legend>
          {filters.map((filter) => (
            <button
              key={filter.label}
              type="button"
              aria-pressed={unreadOnly === filter.value}
              onClick={() => setUnreadOnly(filter.value)}
              className={cn(
                'h-9 rounded px-3 text-sm font-medium',
                unreadOnly === filter.value ? 'bg-brand-700 text-white' : 'text-gray-700 hover:bg-gray-100',
              )}
            >
              {filter.label}
            </button>
          ))}
        </fieldset>
        <Button variant="secondary" onClick={onMarkAllRead} disabled={markAllRead.isPending || unreadCount === 0}>
          <CheckCheck className="h-4 w-4" aria-hidden />
          {markAllRead.isPending ? 'Marking…' : 'Mark all read'}
        </Button>
      </div>

      {list.isPending ? (
        <div className="overflow-hidden rounded-lg border border-gray-200 bg-white">
          <span className="sr-only" role="status">
            Loading notifications…
          </span>
          <ListSkeleton />
        </div>
      ) : list.isError ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          Could not load notifications. {apiErrorInfo(list.error).message}
          {apiErrorInfo(list.error).requestId ? ` (request ${apiErrorInfo(list.error).requestId})` : ''}
        </p>
      ) : items.length === 0 ? (
        unreadOnly ? (
          <EmptyState
            icon={CheckCheck}
            title="You're all caught up"
            action={
              <Button variant="secondary" onClick={() => setUnreadOnly(false)}>
                Show all notifications
              </Button>
            }
          >
            No unread notifications. Earlier ones are under All for 30 days.
          </EmptyState>
        ) : (
          <EmptyState icon={BellOff} title="No notifications yet">
            {EMPTY_TEXT[inbox]}
          </EmptyState>
        )
      ) : (
        <>
          <ul
            ref={listRef}
            tabIndex={-1}
            aria-labelledby="notifications-list-heading"
            className="divide-y divide-gray-100 overflow-hidden rounded-lg border border-gray-200 bg-white shadow-xs"
          >
            {items.map((notification) => (
              <NotificationRow
                key={notification.id}
                notification={notification}
                pending={markRead.isPending && markRead.variables?.id === notification.id}
                onMarkRead={onMarkRead}
                onFollow={(followed) => markRead.mutate({ id: followed.id })}
              />
            ))}
          </ul>
          <div className="flex flex-col items-center gap-2">
            {list.hasNextPage ? (
              <Button variant="secondary" onClick={() => list.fetchNextPage()} disabled={list.isFetchingNextPage}>
                {list.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            ) : (
              <p className="text-xs text-gray-600">Notifications are kept for 30 days.</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}

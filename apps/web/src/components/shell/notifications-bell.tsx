'use client';

import { useQuery } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { Bell } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';
import { useTRPC } from '@/lib/trpc';

/** New notifications reach the bell within a poll; hidden tabs do not poll (TanStack's default). */
export const UNREAD_POLL_MS = 5_000;

/** A 4xx (signed out, session ended) will not fix itself by asking again; a 5xx might. */
const pollUnlessRefused = (error: unknown) =>
  error instanceof TRPCClientError && (error.data?.httpStatus ?? 500) < 500 ? false : UNREAD_POLL_MS;

export const unreadLabel = (count: number) => (count > 0 ? `Notifications, ${count} unread` : 'Notifications');

/** Top-bar bell: links to /notifications and shows the unread count (polled, and refreshed on focus). */
export function NotificationsBell() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const unread = useQuery({
    ...trpc.notifications.unreadCount.queryOptions(),
    staleTime: 0,
    refetchInterval: (query) => pollUnlessRefused(query.state.error),
    refetchOnWindowFocus: true,
  });
  const count = unread.data?.count ?? 0;
  const current = pathname === '/notifications';
  return (
    <Link
      href="/notifications"
      aria-label={unreadLabel(count)}
      aria-current={current ? 'page' : undefined}
      data-testid="notifications-bell"
      className={cn(
        'relative flex h-10 w-10 shrink-0 items-center justify-center rounded-full text-gray-700 hover:bg-gray-100',
        current && 'bg-brand-50 text-brand-800',
      )}
    >
      <Bell className="h-5 w-5" aria-hidden />
      {count > 0 ? (
        <span
          aria-hidden
          data-testid="notifications-badge"
          className="absolute -right-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-[11px] font-semibold leading-none text-white ring-2 ring-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      ) : null}
    </Link>
  );
}

'use client';

import type { MeDto } from '@pf/domain';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { Brand } from '@/components/brand';
import { CartButton } from '@/components/cart/cart-button';
import { cn } from '@/lib/cn';
import { homePathOf, type NavItem, navigationFor } from '@/lib/navigation';
import { NotificationsBell } from './notifications-bell';
import { StoreSwitcher } from './store-switcher';
import { UserMenu } from './user-menu';

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
const isActive = (pathname: string, item: NavItem, home: string) =>
  item.href === home
    ? pathname === home
    : isUnder(pathname, item.href) || (item.includes ?? []).some((prefix) => isUnder(pathname, prefix));

const LINK_STYLES = {
  sidebar: {
    base: 'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium',
    active: 'bg-brand-50 text-brand-800',
    idle: 'text-gray-700 hover:bg-gray-100',
    icon: 'h-5 w-5',
  },
  bottom: {
    base: 'flex min-h-16 flex-col items-center justify-center gap-1 text-xs font-medium',
    active: 'text-brand-800',
    idle: 'text-gray-600',
    icon: 'h-6 w-6',
  },
} as const;

/** One navigation entry, styled for the desktop sidebar or the phone's bottom bar. */
function NavLink({ item, active, variant }: { item: NavItem; active: boolean; variant: keyof typeof LINK_STYLES }) {
  const style = LINK_STYLES[variant];
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(style.base, active ? style.active : style.idle)}
    >
      <item.icon className={style.icon} aria-hidden />
      {/* The visible words are the link's name (WCAG 2.5.3), so the short label is not hidden behind the long. */}
      {variant === 'bottom' && item.shortLabel ? item.shortLabel : item.label}
    </Link>
  );
}

/** Store members read their store's notifications, admins the admin inbox; nobody else has any. */
const hasInbox = (me: MeDto) => Boolean(me.activeStore) || me.user.systemRole === 'admin';

/** Desktop: sidebar + top bar. Phone: top bar + bottom navigation with large touch targets. */
export function AppShell({ me, children }: { me: MeDto; children: ReactNode }) {
  const pathname = usePathname();
  const items = navigationFor(me);
  const home = homePathOf(me);
  return (
    <div className="min-h-screen md:pl-60">
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col border-r border-gray-200 bg-white md:flex">
        <div className="flex h-16 items-center px-5">
          <Brand href={home} />
        </div>
        <nav aria-label="Main" className="flex-1 space-y-1 px-3 py-2">
          {items.map((item) => (
            <NavLink key={item.href} item={item} active={isActive(pathname, item, home)} variant="sidebar" />
          ))}
        </nav>
      </aside>

      <header className="sticky top-0 z-30 flex h-16 items-center gap-3 border-b border-gray-200 bg-white/95 px-4 backdrop-blur md:px-8">
        <div className="shrink-0 md:hidden">
          <Brand href={home} compact />
        </div>
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <StoreSwitcher me={me} />
          <div className="ml-auto flex shrink-0 items-center gap-2">
            {me.activeStore?.type === 'buyer' ? <CartButton /> : null}
            {hasInbox(me) ? <NotificationsBell /> : null}
            <UserMenu me={me} />
          </div>
        </div>
      </header>

      <main className="px-4 pb-28 pt-6 md:px-8 md:pb-10">{children}</main>

      <nav
        aria-label="Main"
        className="fixed inset-x-0 bottom-0 z-30 grid border-t border-gray-200 bg-white md:hidden"
        style={{ gridTemplateColumns: `repeat(${Math.max(items.length, 1)}, minmax(0, 1fr))` }}
      >
        {items.map((item) => (
          <NavLink key={item.href} item={item} active={isActive(pathname, item, home)} variant="bottom" />
        ))}
      </nav>
    </div>
  );
}

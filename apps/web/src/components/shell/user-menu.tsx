'use client';

import type { MeDto } from '@pf/domain';
import { LogOut, UserRound } from 'lucide-react';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

const initials = (me: MeDto) => `${me.user.firstName[0] ?? ''}${me.user.lastName[0] ?? ''}`.toUpperCase();

export function UserMenu({ me }: { me: MeDto }) {
  const role = me.user.systemRole ?? me.activeStore?.role ?? 'member';
  return (
    <DropdownMenu>
      <DropdownMenuTrigger className="flex h-10 w-10 items-center justify-center overflow-hidden rounded-full bg-brand-700 text-sm font-semibold text-white">
        <span className="sr-only">Account menu</span>
        {me.avatarUrl ? (
          // biome-ignore lint/performance/noImgElement: signed storage URLs are not for the Next image optimizer
          <img src={me.avatarUrl} alt="" width={40} height={40} className="h-full w-full object-cover" />
        ) : (
          initials(me)
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent>
        <DropdownMenuLabel>
          <span className="block text-sm font-semibold text-gray-900">
            {me.user.firstName} {me.user.lastName}
          </span>
          <span className="block truncate">{me.user.email}</span>
          <span className="block capitalize">{role}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        {me.activeStore ? (
          <DropdownMenuItem asChild>
            <Link href="/settings/account">
              <UserRound className="h-4 w-4" aria-hidden /> Your profile
            </Link>
          </DropdownMenuItem>
        ) : null}
        <DropdownMenuItem onSelect={() => signOut({ callbackUrl: '/sign-in' })}>
          <LogOut className="h-4 w-4" aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

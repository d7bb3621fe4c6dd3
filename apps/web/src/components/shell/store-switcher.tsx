'use client';

import type { MeDto } from '@pf/domain';
import { Check, ChevronsUpDown, Store } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useSession } from 'next-auth/react';
import { useState } from 'react';
import { toast } from 'sonner';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';

/** Switching re-issues the server session for the chosen store (next-auth `update`). */
export function StoreSwitcher({ me }: { me: MeDto }) {
  const router = useRouter();
  const { update } = useSession();
  const [switching, setSwitching] = useState(false);
  const stores = me.stores.filter((store) => store.membershipStatus === 'active');
  if (stores.length === 0) return null;

  const choose = async (storeId: string, name: string) => {
    if (storeId === me.activeStoreId) return;
    setSwitching(true);
    const session = await update({ storeId });
    setSwitching(false);
    if (!session) {
      toast.error('Could not switch store. Sign in again.');
      return;
    }
    toast.success(`Now working in ${name}`);
    router.replace('/');
    router.refresh();
  };

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex h-10 min-w-0 max-w-64 items-center gap-2 rounded-md border border-gray-300 bg-white px-3 text-sm font-medium text-gray-900 hover:bg-gray-50"
        disabled={switching}
      >
        <Store className="h-4 w-4 shrink-0 text-brand-700" aria-hidden />
        <span className="sr-only">Switch store, current:</span>
        <span className="truncate">{me.activeStore?.name ?? 'Choose a store'}</span>
        <ChevronsUpDown className="h-4 w-4 shrink-0 text-gray-400" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>Your stores</DropdownMenuLabel>
        {stores.map((store) => (
          <DropdownMenuItem key={store.id} onSelect={() => choose(store.id, store.name)}>
            <Check
              className={store.id === me.activeStoreId ? 'h-4 w-4 text-brand-700' : 'h-4 w-4 opacity-0'}
              aria-hidden
            />
            <span className="flex-1 truncate">{store.name}</span>
            <span className="text-xs capitalize text-gray-500">{store.type}</span>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

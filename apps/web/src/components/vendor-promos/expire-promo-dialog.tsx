'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CalendarX } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** Ending a code is destructive for buyers holding it, so it confirms with the code's name (UI.md). */
export function ExpirePromoDialog({ promo }: { promo: { id: string; code: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const expire = useMutation(trpc.vendorPromos.expire.mutationOptions());

  const confirm = async () => {
    setError(undefined);
    try {
      await expire.mutateAsync({ promoId: promo.id });
      await queryClient.invalidateQueries({ queryKey: trpc.vendorPromos.list.pathKey() });
      toast.success(`${promo.code} expired`);
      setOpen(false);
      // An edit page shows the code's stored terms from the server: read them again.
      router.refresh();
    } catch (failure) {
      const info = apiErrorInfo(failure);
      setError(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
    }
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50">
          <CalendarX aria-hidden className="size-4" /> Expire<span className="sr-only"> {promo.code}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Expire ${promo.code}?`}
        description="Buyers can no longer use this code from now on; orders already placed keep their discount. To bring it back later, give it a new last day and switch it on again."
      >
        <div className="space-y-4">
          <FormError>{error}</FormError>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="secondary">Keep code</Button>
            </DialogClose>
            <Button variant="destructive" onClick={confirm} disabled={expire.isPending}>
              {expire.isPending ? 'Expiring…' : `Expire ${promo.code}`}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

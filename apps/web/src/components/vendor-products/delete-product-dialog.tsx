'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

/** A destructive action confirms with the product's name (UI.md), then returns to the catalog. */
export function DeleteProductDialog({ product }: { product: { id: string; title: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const remove = useMutation(trpc.vendorProducts.delete.mutationOptions());

  const confirm = async () => {
    setError(undefined);
    try {
      await remove.mutateAsync({ productId: product.id });
      queryClient.removeQueries({ queryKey: trpc.vendorProducts.get.queryKey({ productId: product.id }) });
      await queryClient.invalidateQueries({ queryKey: trpc.vendorProducts.list.pathKey() });
      toast.success(`“${product.title}” deleted`);
      setOpen(false);
      router.push('/vendor/products');
    } catch (failure) {
      const info = apiErrorInfo(failure);
      setError(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
    }
  };

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50">
          <Trash2 aria-hidden className="size-4" /> Delete<span className="sr-only"> {product.title}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete “${product.title}”?`}
        description="It disappears from your catalog and from the marketplace. Orders that already include it keep their lines. This cannot be undone."
      >
        <div className="space-y-4">
          <FormError>{error}</FormError>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="secondary">Keep product</Button>
            </DialogClose>
            <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete product'}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

'use client';

import type { LicenseDto } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Dialog, DialogClose, DialogContent, DialogTrigger } from '@/components/ui/dialog';
import { FormError } from '@/components/ui/field';
import { LICENSE_STATUS, LICENSE_TYPE_LABEL } from '@/lib/licenses';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';
import { stateName } from '@/lib/us-states';

/** A destructive action confirms with the thing's name (UI.md). */
export function DeleteLicenseDialog({ license }: { license: LicenseDto }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const remove = useMutation(trpc.licenses.delete.mutationOptions());

  const confirm = async () => {
    setError(undefined);
    try {
      await remove.mutateAsync({ licenseId: license.id });
      await queryClient.invalidateQueries({ queryKey: trpc.licenses.list.pathKey() });
      toast.success(`License ${license.number} deleted`);
      setOpen(false);
      router.refresh();
    } catch (failure) {
      const info = apiErrorInfo(failure);
      setError(info.requestId ? `${info.message} (reference ${info.requestId})` : info.message);
    }
  };

  const status = LICENSE_STATUS[license.status].label.toLowerCase();
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-red-700 hover:bg-red-50">
          <Trash2 className="h-4 w-4" aria-hidden /> Delete<span className="sr-only"> license {license.number}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Delete license ${license.number}?`}
        description={`The ${status} ${LICENSE_TYPE_LABEL[license.type].toLowerCase()} license from ${stateName(license.issuingState)} is removed from your store. Its review history stays in the audit log.`}
      >
        <div className="space-y-4">
          <FormError>{error}</FormError>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" onClick={confirm} disabled={remove.isPending}>
              {remove.isPending ? 'Deleting…' : 'Delete license'}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

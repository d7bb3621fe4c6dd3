'use client';

import type { AdminBillingStoreDto } from '@pf/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { Input, Select } from '@/components/ui/input';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

type Mode = 'listed' | 'hidden' | 'none';

/** Support's manual listing override for one store, with the reason the audit log keeps. */
export function ListingOverrideForm({ store, onDone }: { store: AdminBillingStoreDto; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(store.override ? (store.override.listed ? 'listed' : 'hidden') : 'listed');
  const [reason, setReason] = useState('');
  const save = useMutation(
    trpc.admin.billing.stores.setOverride.mutationOptions({
      onSuccess: async () => {
        toast.success(`Listing of ${store.name} updated`);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.billing.stores.list.pathKey() });
        onDone();
      },
      onError: (error) => toast.error(apiErrorInfo(error).message),
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ storeId: store.storeId, mode, reason });
      }}
    >
      <Field label="Override" className="text-xs text-gray-600">
        <Select value={mode} onChange={(event) => setMode(event.target.value as Mode)} className="h-9">
          <option value="listed">List regardless of billing</option>
          <option value="hidden">Hide regardless of billing</option>
          <option value="none">No override</option>
        </Select>
      </Field>
      <Field label="Reason (kept in the audit log)" className="min-w-48 flex-1 text-xs text-gray-600">
        <Input
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          required
          minLength={5}
          maxLength={500}
          className="h-9"
        />
      </Field>
      <Button type="submit" size="sm" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save'}
      </Button>
      <Button type="button" size="sm" variant="ghost" onClick={onDone}>
        Close
      </Button>
    </form>
  );
}

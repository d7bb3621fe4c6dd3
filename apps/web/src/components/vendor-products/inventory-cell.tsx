'use client';

import { type InventoryResult, setInventoryInput, type VendorProductPage, type VendorProductRow } from '@pf/domain';
import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, Loader2, Pencil, X } from 'lucide-react';
import { type ComponentProps, type FormEvent, useId, useState } from 'react';
import { toast } from 'sonner';
import { Button } from '@/components/ui/button';
import { CountInput } from '@/components/ui/input';
import { formatCount } from '@/lib/catalog-format';
import { apiErrorInfo, useTRPC } from '@/lib/trpc';

function withStock(page: VendorProductPage, result: InventoryResult): VendorProductPage {
  const { productId, ...stock } = result;
  return { ...page, items: page.items.map((item) => (item.id === productId ? { ...item, stock } : item)) };
}

interface StockFieldProps extends Omit<ComponentProps<typeof CountInput>, 'onChange'> {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A small labelled count box that fits in a table cell. */
function StockField({ id, label, onChange, ...props }: StockFieldProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-xs font-medium text-gray-700">
        {label}
      </label>
      <CountInput id={id} onChange={(event) => onChange(event.target.value)} className="h-8" {...props} />
    </div>
  );
}

/** On-hand stock and its low-stock alert, edited in the row; Escape cancels, errors stay next to the fields. */
export function InventoryCell({ product, canEdit }: { product: VendorProductRow; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [onHand, setOnHand] = useState('');
  const [threshold, setThreshold] = useState('');
  const [error, setError] = useState<string>();
  const save = useMutation(trpc.vendorProducts.setInventory.mutationOptions());
  const { stock } = product;

  const open = () => {
    setOnHand(String(stock.onHandQty));
    setThreshold(String(stock.lowStockThreshold));
    setError(undefined);
    setEditing(true);
  };
  const close = () => {
    setEditing(false);
    requestAnimationFrame(() => document.getElementById(`${id}-edit`)?.focus());
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = setInventoryInput.safeParse({
      productId: product.id,
      onHandQty: onHand.trim() === '' ? Number.NaN : Number(onHand),
      lowStockThreshold: threshold.trim() === '' ? Number.NaN : Number(threshold),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(
        `${issue?.path[0] === 'lowStockThreshold' ? 'Alert level' : 'On hand'} ${issue?.message ?? 'is invalid'}`,
      );
      return;
    }
    setError(undefined);
    try {
      const result = await save.mutateAsync(parsed.data);
      queryClient.setQueriesData<InfiniteData<VendorProductPage>>(
        { queryKey: trpc.vendorProducts.list.pathKey() },
        (data) => (data ? { ...data, pages: data.pages.map((page) => withStock(page, result)) } : data),
      );
      void queryClient.invalidateQueries({ queryKey: trpc.vendorProducts.get.queryKey({ productId: product.id }) });
      toast.success(`Stock of ${product.title} set to ${formatCount(result.onHandQty)}`);
      close();
    } catch (failure) {
      const info = apiErrorInfo(failure);
      const message = info.violations[0]?.message ?? info.message;
      setError(info.requestId ? `${message} (reference ${info.requestId})` : message);
    }
  };

  if (!editing) {
    return (
      <div className="flex items-start gap-1">
        <div>
          <p className="tabular-nums" data-testid="on-hand">
            {formatCount(stock.onHandQty)}
          </p>
          <p className="whitespace-nowrap text-xs text-gray-500">alert at {formatCount(stock.lowStockThreshold)}</p>
        </div>
        {canEdit ? (
          <Button
            id={`${id}-edit`}
            variant="ghost"
            size="sm"
            className="-my-1 h-8 w-8 px-0"
            onClick={open}
            aria-label={`Edit stock of ${product.title}`}
          >
            <Pencil aria-hidden className="size-4" />
          </Button>
        ) : null}
      </div>
    );
  }

  const pending = save.isPending;
  return (
    <form
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !pending) close();
      }}
      aria-label={`Stock of ${product.title}`}
      className="w-32 space-y-2 sm:w-40"
      noValidate
    >
      <StockField
        id={`${id}-on-hand`}
        label="On hand"
        value={onHand}
        onChange={setOnHand}
        disabled={pending}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoFocus
      />
      <StockField
        id={`${id}-threshold`}
        label="Low-stock alert at"
        value={threshold}
        onChange={setThreshold}
        disabled={pending}
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
      <div className="flex gap-1">
        <Button type="submit" size="sm" disabled={pending} className="flex-1">
          {pending ? <Loader2 aria-hidden className="size-4 animate-spin" /> : <Check aria-hidden className="size-4" />}
          {pending ? 'Saving…' : 'Save'}
        </Button>
        <Button variant="secondary" size="sm" onClick={close} disabled={pending} aria-label="Cancel stock edit">
          <X aria-hidden className="size-4" />
        </Button>
      </div>
    </form>
  );
}

'use client';

import type { StockDto } from '@pf/domain';
import { useFormContext, useWatch } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { CountInput } from '@/components/ui/input';
import { formatCount } from '@/lib/catalog-format';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { FormSection } from './form-section';
import { StockBadge } from './stock-badges';

const STOCK_FIELDS = [
  { name: 'onHandQty', label: 'On hand', hint: 'Units in stock, including reserved ones.' },
  {
    name: 'lowStockThreshold',
    label: 'Low-stock alert at',
    hint: 'Flag the product when available stock falls to this many or fewer.',
  },
] as const;

/** On-hand stock and the alert level; for a stored product, what open orders hold and what is free. */
export function InventorySection({ stock }: { stock: StockDto | null }) {
  const { register, formState, control } = useFormContext<ProductFormValues>();
  const { errors } = formState;
  const [onHand, threshold] = useWatch({ control, name: ['inventory.onHandQty', 'inventory.lowStockThreshold'] });
  const reserved = stock?.reservedQty ?? 0;
  const valid = Number.isInteger(onHand) && Number.isInteger(threshold);
  const available = valid ? Math.max(0, (onHand as number) - reserved) : null;
  return (
    <FormSection title="Inventory" description="Stock you hold for this listing. Orders reserve from it at checkout.">
      <div className="grid gap-4 sm:grid-cols-2">
        {STOCK_FIELDS.map(({ name, label, hint }) => (
          <Field key={name} label={label} error={errors.inventory?.[name]?.message} hint={hint}>
            <CountInput {...register(`inventory.${name}`, { valueAsNumber: true })} />
          </Field>
        ))}
      </div>
      {stock ? (
        <dl
          className="mt-4 grid grid-cols-2 gap-3 rounded-md bg-gray-50 px-4 py-3 text-sm sm:grid-cols-3"
          data-testid="stock-summary"
        >
          <div>
            <dt className="text-xs text-gray-600">Reserved by open orders</dt>
            <dd className="font-medium tabular-nums text-gray-900">{formatCount(reserved)}</dd>
          </div>
          <div>
            <dt className="text-xs text-gray-600">Available to order</dt>
            <dd className="font-medium tabular-nums text-gray-900">
              {available === null ? '—' : formatCount(available)}
            </dd>
          </div>
          <div className="flex items-end">
            {available !== null ? (
              <StockBadge
                stock={{
                  availableQty: available,
                  lowStock: available <= (threshold as number),
                  lowStockThreshold: threshold as number,
                }}
              />
            ) : null}
          </div>
        </dl>
      ) : null}
    </FormSection>
  );
}

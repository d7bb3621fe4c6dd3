'use client';

import { MAX_DISCOUNT_TIERS } from '@pf/domain';
import { Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ProductFormValues } from '@/lib/vendor-products-form';

/** The threshold and discount a new tier starts with: double the last threshold, five points more off. */
function nextTier(tiers: ProductFormValues['volumeDiscounts'], moq: number) {
  const last = tiers?.at(-1);
  const base = Number.isInteger(moq) ? Math.max(10, moq * 2) : 10;
  if (!last || !Number.isInteger(last.minQty)) return { minQty: base, discountPercent: 5 };
  const percent = Number.isFinite(last.discountPercent) ? Math.min(100, last.discountPercent + 5) : 5;
  return { minQty: last.minQty * 2, discountPercent: percent };
}

/**
 * Volume tiers: rows of "from this quantity, this much off". Quantities must rise strictly from row to row and
 * discounts stay within 0–100 %; the domain schema checks both, and the whole list is re-checked as you type.
 */
export function DiscountTiers() {
  const id = useId();
  const { control, register, trigger, getValues, formState } = useFormContext<ProductFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'volumeDiscounts' });
  const errors = formState.errors.volumeDiscounts;
  const recheck = () => void trigger('volumeDiscounts');
  const listError = errors?.message ?? errors?.root?.message;
  return (
    <div className="space-y-3">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-gray-900">
          Volume discount tiers
        </h3>
        <p className="text-xs text-gray-600">Optional. The highest tier a line reaches applies to every unit.</p>
      </div>
      {fields.length > 0 ? (
        <ol aria-labelledby={`${id}-title`} className="space-y-2" data-testid="discount-tiers">
          {fields.map((field, index) => {
            const rowErrors = errors?.[index];
            const qtyError = rowErrors?.minQty?.message;
            const percentError = rowErrors?.discountPercent?.message;
            return (
              <li key={field.id} className="grid grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] items-start gap-2">
                <div>
                  <label htmlFor={`${id}-${index}-qty`} className="mb-1 block text-xs font-medium text-gray-700">
                    Tier {index + 1}: from quantity
                  </label>
                  <Input
                    id={`${id}-${index}-qty`}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    aria-invalid={qtyError ? true : undefined}
                    aria-describedby={qtyError ? `${id}-${index}-qty-error` : undefined}
                    {...register(`volumeDiscounts.${index}.minQty`, { valueAsNumber: true, onChange: recheck })}
                  />
                  {qtyError ? (
                    <p id={`${id}-${index}-qty-error`} className="mt-1 text-xs font-medium text-red-700">
                      {qtyError}
                    </p>
                  ) : null}
                </div>
                <div>
                  <label htmlFor={`${id}-${index}-pct`} className="mb-1 block text-xs font-medium text-gray-700">
                    Tier {index + 1}: discount %
                  </label>
                  <Input
                    id={`${id}-${index}-pct`}
                    type="number"
                    inputMode="decimal"
                    min={0}
                    max={100}
                    step="any"
                    aria-invalid={percentError ? true : undefined}
                    aria-describedby={percentError ? `${id}-${index}-pct-error` : undefined}
                    {...register(`volumeDiscounts.${index}.discountPercent`, {
                      valueAsNumber: true,
                      onChange: recheck,
                    })}
                  />
                  {percentError ? (
                    <p id={`${id}-${index}-pct-error`} className="mt-1 text-xs font-medium text-red-700">
                      {percentError}
                    </p>
                  ) : null}
                </div>
                <Button
                  variant="ghost"
                  size="icon"
                  className="mt-5 text-red-700 hover:bg-red-50"
                  aria-label={`Remove tier ${index + 1}`}
                  onClick={() => {
                    remove(index);
                    recheck();
                  }}
                >
                  <Trash2 aria-hidden className="size-4" />
                </Button>
              </li>
            );
          })}
        </ol>
      ) : (
        <p className="rounded-md border border-dashed border-gray-300 px-3 py-4 text-center text-sm text-gray-600">
          No tiers: every order pays the unit price.
        </p>
      )}
      {listError ? <p className="text-xs font-medium text-red-700">{listError}</p> : null}
      <Button
        variant="secondary"
        size="sm"
        disabled={fields.length >= MAX_DISCOUNT_TIERS}
        onClick={() => append(nextTier(getValues('volumeDiscounts'), getValues('moq')))}
      >
        <Plus aria-hidden className="size-4" /> Add tier
      </Button>
      {fields.length >= MAX_DISCOUNT_TIERS ? (
        <p className="text-xs text-gray-600">At most {MAX_DISCOUNT_TIERS} tiers.</p>
      ) : null}
    </div>
  );
}

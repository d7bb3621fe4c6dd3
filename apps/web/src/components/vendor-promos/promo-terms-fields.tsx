'use client';

import type { CreatePromoData } from '@pf/domain';
import { Controller, type UseFormReturn, useWatch } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { CountInput, Input } from '@/components/ui/input';
import { CheckboxRow } from '@/components/vendor-products/form-section';
import { MoneyInput } from '@/components/vendor-products/money-input';
import { type PromoFormValues, percentErrorText } from '@/lib/promo-form';
import { endOfUtcDayIso, lastUtcDayOf } from '@/lib/promo-format';
import { PercentInput } from './percent-input';

const KIND_LABELS = { percent: 'Percentage', fixed: 'Fixed amount' } as const;

/** A blank count is "no limit"; anything else goes to the schema as typed (it rejects 0 and fractions). */
const countOrNull = (value: unknown) => (value === '' || value === null || value === undefined ? null : Number(value));

/** The code, its kind and value, and the terms: minimum subtotal, usage limit, last day, on/off. */
export function PromoTermsFields({
  form,
  editing,
}: {
  form: UseFormReturn<PromoFormValues, unknown, CreatePromoData>;
  editing: boolean;
}) {
  const { register, control, formState } = form;
  const { errors } = formState;
  const kind = useWatch({ control, name: 'kind' });
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Code"
          error={errors.code?.message}
          hint={
            editing
              ? 'A code cannot be renamed; expire it and create another.'
              : '3–32 letters, digits, “-” or “_”. Buyers may type it in any case.'
          }
        >
          <Input
            {...register('code')}
            readOnly={editing}
            autoComplete="off"
            spellCheck={false}
            placeholder="SPRING10"
            className="font-mono uppercase read-only:bg-gray-50"
          />
        </Field>
        {editing ? (
          <div className="space-y-1.5">
            <p className="text-sm font-medium text-gray-800">Discount type</p>
            <p className="flex h-10 items-center text-sm text-gray-900">{KIND_LABELS[kind]}</p>
          </div>
        ) : (
          <fieldset className="space-y-1.5">
            <legend className="text-sm font-medium text-gray-800">Discount type</legend>
            <div className="flex h-10 flex-wrap items-center gap-x-5 gap-y-2">
              {(['percent', 'fixed'] as const).map((value) => (
                <label key={value} className="flex items-center gap-2 text-sm text-gray-900">
                  <input type="radio" value={value} {...register('kind')} className="size-4 accent-brand-700" />
                  {KIND_LABELS[value]}
                </label>
              ))}
            </div>
          </fieldset>
        )}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {kind === 'percent' ? (
          <Controller
            control={control}
            name="percentBps"
            render={({ field, fieldState }) => (
              <Field
                label="Percent off"
                error={percentErrorText(fieldState.error)}
                hint="Up to two decimals, e.g. 12.5."
              >
                <PercentInput
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  placeholder="10"
                />
              </Field>
            )}
          />
        ) : (
          <Controller
            control={control}
            name="amountCents"
            render={({ field, fieldState }) => (
              <Field label="Amount off" error={fieldState.error?.message} hint="Never more than the order from you.">
                <MoneyInput
                  blank="nan"
                  value={field.value}
                  onChange={(cents) => field.onChange(cents ?? Number.NaN)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  placeholder="0.00"
                />
              </Field>
            )}
          />
        )}
        <Controller
          control={control}
          name="minSubtotalCents"
          render={({ field, fieldState }) => (
            <Field
              label="Minimum subtotal"
              error={fieldState.error?.message}
              hint="Your part of the order, after volume discounts. Blank: none."
            >
              <MoneyInput
                blank="null"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
              />
            </Field>
          )}
        />
        <Field label="Usage limit" error={errors.usageLimit?.message} hint="Orders that may use it. Blank: no limit.">
          <CountInput min={1} {...register('usageLimit', { setValueAs: countOrNull })} />
        </Field>
        <Controller
          control={control}
          name="expiresAt"
          render={({ field, fieldState }) => (
            <Field
              label="Last day"
              error={fieldState.error?.message}
              hint="Works through the end of this day (UTC). Blank: no end date."
            >
              <Input
                type="date"
                min={today}
                name={field.name}
                {...({ ref: field.ref } as object)}
                onBlur={field.onBlur}
                value={field.value ? lastUtcDayOf(field.value) : ''}
                onChange={(event) => field.onChange(endOfUtcDayIso(event.target.value))}
              />
            </Field>
          )}
        />
      </div>
      <CheckboxRow
        label="Active"
        hint="Buyers can use an active code; a paused one is kept for later."
        {...register('active')}
      />
    </div>
  );
}

'use client';

import { PRODUCT_UNITS } from '@pf/domain';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { CountInput, Select } from '@/components/ui/input';
import { UNIT_LABELS } from '@/lib/catalog-format';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { DiscountTiers } from './discount-tiers';
import { FormSection } from './form-section';
import { MoneyInput } from './money-input';
import { PricePreview } from './price-preview';

/** Unit price, strike-through price, order limits, and volume tiers with what buyers will pay. */
export function PricingSection() {
  const { register, control, formState } = useFormContext<ProductFormValues>();
  const { errors } = formState;
  return (
    <FormSection
      title="Pricing & limits"
      description="Prices are per unit of sale. Volume tiers take a percentage off when a line reaches the quantity."
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
        <Controller
          control={control}
          name="priceCents"
          render={({ field, fieldState }) => (
            <Field label="Price per unit" error={fieldState.error?.message} className="lg:col-span-1">
              <MoneyInput
                blank="nan"
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                placeholder="0.00"
              />
            </Field>
          )}
        />
        <Controller
          control={control}
          name="compareAtPriceCents"
          render={({ field, fieldState }) => (
            <Field label="Compare-at price" error={fieldState.error?.message} hint="Optional, shown struck through.">
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
        <Field label="Unit of sale" error={errors.unit?.message}>
          <Select {...register('unit')}>
            {PRODUCT_UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {UNIT_LABELS[unit].charAt(0).toUpperCase() + UNIT_LABELS[unit].slice(1)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Minimum order (MOQ)" error={errors.moq?.message} hint="Smaller orders are raised to it.">
          <CountInput min={1} {...register('moq', { valueAsNumber: true })} />
        </Field>
        <Field label="Maximum per order" error={errors.maxQty?.message} hint="0 means no limit.">
          <CountInput {...register('maxQty', { valueAsNumber: true })} />
        </Field>
      </div>
      <div className="mt-6 grid gap-6 border-t border-gray-100 pt-5 xl:grid-cols-2">
        <DiscountTiers />
        <PricePreview />
      </div>
    </FormSection>
  );
}

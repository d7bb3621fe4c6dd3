'use client';

import { CLASSIFICATIONS, PRODUCT_CATEGORIES } from '@pf/domain';
import { useFormContext } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input, Select, SelectOptions } from '@/components/ui/input';
import { CATEGORY_LABELS, CLASSIFICATION_LABELS } from '@/lib/catalog-format';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { FormSection } from './form-section';

/** Blank number inputs mean "not stated" (null), not zero. */
export const nullableNumber = (value: unknown) => (value === '' || value === null ? null : Number(value));

const POTENCY_FIELDS = [
  { name: 'thcPercent', label: 'THC %' },
  { name: 'cbdPercent', label: 'CBD %' },
] as const;

/** Category, strain type and potency. */
export function ClassificationSection() {
  const { register, formState } = useFormContext<ProductFormValues>();
  const { errors } = formState;
  return (
    <FormSection title="Classification & potency" description="Buyers filter the marketplace by these.">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field label="Category" error={errors.category?.message}>
          <Select {...register('category')}>
            <option value="" disabled>
              Choose a category
            </option>
            <SelectOptions values={PRODUCT_CATEGORIES} labels={CATEGORY_LABELS} />
          </Select>
        </Field>
        <Field label="Classification" error={errors.classification?.message}>
          <Select {...register('classification', { setValueAs: (value) => (value === '' ? null : value) })}>
            <option value="">Not stated</option>
            <SelectOptions values={CLASSIFICATIONS} labels={CLASSIFICATION_LABELS} />
          </Select>
        </Field>
        <Field label="Strain" error={errors.strain?.message} hint="Optional, e.g. Blue Dream.">
          <Input {...register('strain')} maxLength={120} autoComplete="off" />
        </Field>
        {POTENCY_FIELDS.map(({ name, label }) => (
          <Field key={name} label={label} error={errors[name]?.message} hint="0–100, up to 2 decimals.">
            <Input
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step="0.01"
              {...register(name, { setValueAs: nullableNumber })}
            />
          </Field>
        ))}
      </div>
    </FormSection>
  );
}

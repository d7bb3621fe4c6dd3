'use client';

import { useFormContext } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input, Textarea } from '@/components/ui/input';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { CheckboxRow, FormSection } from './form-section';

/** Name, SKU, short line and description, and whether buyers can see the listing. */
export function BasicsSection() {
  const { register, formState } = useFormContext<ProductFormValues>();
  const { errors } = formState;
  return (
    <FormSection title="Basics" description="What buyers see first in the marketplace.">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Title" error={errors.title?.message} className="sm:col-span-2">
          <Input {...register('title')} maxLength={160} autoComplete="off" />
        </Field>
        <Field label="SKU" error={errors.sku?.message} hint="Your own stock-keeping code; buyers see it on invoices.">
          <Input {...register('sku')} maxLength={64} autoComplete="off" className="font-mono" />
        </Field>
        <Field label="Subtitle" error={errors.subtitle?.message} hint="Optional, one line under the title.">
          <Input {...register('subtitle')} maxLength={240} autoComplete="off" />
        </Field>
        <Field label="Description" error={errors.description?.message} className="sm:col-span-2">
          <Textarea {...register('description')} rows={5} maxLength={5000} />
        </Field>
        <CheckboxRow
          label="Active"
          hint="Listed for buyers in your state. Inactive products stay here but are hidden from the marketplace."
          {...register('isActive')}
        />
        <CheckboxRow label="Featured" hint="Shown first on your storefront." {...register('isFeatured')} />
      </div>
    </FormSection>
  );
}

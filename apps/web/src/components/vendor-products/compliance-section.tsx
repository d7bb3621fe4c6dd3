'use client';

import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { Input } from '@/components/ui/input';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { CoaField } from './coa-field';
import { FormSection } from './form-section';

const CODES = [
  { name: 'batchId', label: 'Batch ID' },
  { name: 'metricTag', label: 'METRC tag' },
  { name: 'barcode', label: 'Barcode' },
  { name: 'packagingType', label: 'Packaging type' },
] as const;

/** Track-and-trace codes and the lab certificate; buyers never see the codes, only that a COA exists. */
export function ComplianceSection({ disabled }: { disabled?: boolean }) {
  const { register, control, formState } = useFormContext<ProductFormValues>();
  const { errors } = formState;
  return (
    <FormSection
      title="Compliance"
      description="All optional: codes for your records and the state's track-and-trace, and the lab certificate."
    >
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="grid gap-4 sm:grid-cols-2">
          {CODES.map((code) => (
            <Field key={code.name} label={code.label} error={errors[code.name]?.message}>
              <Input {...register(code.name)} maxLength={64} autoComplete="off" className="font-mono" />
            </Field>
          ))}
        </div>
        <Controller
          control={control}
          name="coaMediaId"
          render={({ field, fieldState }) => (
            <CoaField
              mediaId={field.value ?? null}
              onChange={(id) => field.onChange(id)}
              error={fieldState.error?.message}
              disabled={disabled}
            />
          )}
        />
      </div>
    </FormSection>
  );
}

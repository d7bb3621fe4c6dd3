'use client';

import { FEELINGS, FLAVORS, USAGES } from '@pf/domain';
import { Check } from 'lucide-react';
import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { humanizeEnum } from '@/lib/catalog-format';
import type { ProductFormValues } from '@/lib/vendor-products-form';
import { FormSection } from './form-section';

interface TagPickerProps {
  legend: string;
  options: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
  onBlur: () => void;
  error?: string;
}

/** A group of toggle chips backed by real checkboxes (keyboard: Tab to a chip, Space to toggle). */
function TagPicker({ legend, options, value, onChange, onBlur, error }: TagPickerProps) {
  const id = useId();
  const toggle = (option: string, on: boolean) =>
    // Kept in vocabulary order, whatever order they were clicked in.
    onChange(options.filter((item) => (item === option ? on : value.includes(item))));
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-gray-800">{legend}</legend>
      <div className="mt-2 flex flex-wrap gap-2">
        {options.map((option) => {
          const checked = value.includes(option);
          return (
            <label
              key={option}
              className={
                checked
                  ? 'inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-full border border-brand-700 bg-brand-50 px-3 text-sm font-medium text-brand-800 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600'
                  : 'inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-full border border-gray-300 bg-white px-3 text-sm text-gray-700 hover:bg-gray-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-600'
              }
            >
              <input
                type="checkbox"
                className="sr-only"
                checked={checked}
                onChange={(event) => toggle(option, event.target.checked)}
                onBlur={onBlur}
              />
              {checked ? <Check aria-hidden className="size-3.5" /> : null}
              {humanizeEnum(option)}
            </label>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const GROUPS = [
  { name: 'feelings', legend: 'Feelings', options: FEELINGS },
  { name: 'flavors', legend: 'Flavors', options: FLAVORS },
  { name: 'usage', legend: 'Usage', options: USAGES },
] as const;

/** Feelings, flavors and usage: at least one of each, as the marketplace filters need them. */
export function TagsSection() {
  const { control } = useFormContext<ProductFormValues>();
  return (
    <FormSection title="Tags" description="Choose at least one of each. Buyers filter and search by them.">
      <div className="space-y-5">
        {GROUPS.map((group) => (
          <Controller
            key={group.name}
            control={control}
            name={group.name}
            render={({ field, fieldState }) => (
              <TagPicker
                legend={group.legend}
                options={group.options}
                value={field.value ?? []}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        ))}
      </div>
    </FormSection>
  );
}

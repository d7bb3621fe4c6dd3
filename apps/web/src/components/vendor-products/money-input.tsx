'use client';

import { type InputHTMLAttributes, type Ref, useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';
import { dollarsToCents } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';

type Cents = number | null | undefined;

interface MoneyInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** Integer cents; NaN (required) or null (optional) while blank or not a money amount. */
  value: Cents;
  onChange: (cents: number | null) => void;
  /** What a blank field means: NaN makes a required price fail validation, null clears an optional one. */
  blank: 'nan' | 'null';
  /** Lets react-hook-form focus the field when it is invalid. */
  ref?: Ref<HTMLInputElement>;
}

const textOf = (value: Cents) => (typeof value === 'number' && Number.isFinite(value) ? (value / 100).toFixed(2) : '');

/** Dollars typed with a "$" prefix, kept in the form as integer cents (DOMAIN §4.1). */
export function MoneyInput({ value, onChange, blank, className, ref, ...props }: MoneyInputProps) {
  const [text, setText] = useState(() => textOf(value));
  const parse = (next: string): number | null =>
    next.trim() === '' ? (blank === 'nan' ? Number.NaN : null) : (dollarsToCents(next) ?? Number.NaN);

  // A reset from outside (load, save) replaces the text; the user's own typing does not round-trip.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of `value` matters
  useEffect(() => {
    if (!Object.is(parse(text), value ?? (blank === 'nan' ? Number.NaN : null))) setText(textOf(value));
  }, [value]);

  return (
    <div className="relative">
      <span aria-hidden className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-sm text-gray-500">
        $
      </span>
      <Input
        {...props}
        // Input passes every prop to <input>; React 19 treats `ref` as one of them.
        {...({ ref } as object)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parse(event.target.value));
        }}
        className={cn('pl-7 tabular-nums', className)}
      />
    </div>
  );
}

'use client';

import { type InputHTMLAttributes, type Ref, useEffect, useState } from 'react';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import { bpsToPercentText, percentTextToBps } from '@/lib/promo-format';

interface PercentInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  /** Integer basis points; NaN while blank or not a percentage. */
  value: number;
  onChange: (bps: number) => void;
  ref?: Ref<HTMLInputElement>;
}

const textOf = (bps: number) => (Number.isFinite(bps) ? bpsToPercentText(bps) : '');

/** A percentage typed with a "%" suffix (`12.5`), kept in the form as integer basis points (1250). */
export function PercentInput({ value, onChange, className, ref, ...props }: PercentInputProps) {
  const [text, setText] = useState(() => textOf(value));
  // A reset from outside (load, save) replaces the text; the user's own typing does not round-trip.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only an outside change of `value` matters
  useEffect(() => {
    if (!Object.is(percentTextToBps(text), value)) setText(textOf(value));
  }, [value]);
  return (
    <div className="relative">
      <Input
        {...props}
        {...({ ref } as object)}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          onChange(event.target.value.trim() === '' ? Number.NaN : percentTextToBps(event.target.value));
        }}
        className={cn('pr-8 tabular-nums', className)}
      />
      <span aria-hidden className="pointer-events-none absolute right-3 top-1/2 -translate-y-1/2 text-sm text-gray-500">
        %
      </span>
    </div>
  );
}

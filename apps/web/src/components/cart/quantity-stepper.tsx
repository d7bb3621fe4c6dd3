'use client';

import { Minus, Plus } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { clampQuantity, type QuantityBounds } from '@/lib/cart-quantity';
import { cn } from '@/lib/cn';

/** How long the stepper waits after the last click before it commits (one quote for a burst of clicks). */
const SETTLE_MS = 600;

/**
 * − / number / + within the bounds (MOQ, per-order max, free stock). Clicks and typing change a draft; the
 * draft is committed once it settles (or on Enter / blur), already clamped to the bounds.
 */
export function QuantityStepper({
  value,
  bounds,
  label,
  onCommit,
  disabled = false,
  size = 'md',
  commitOnSettle = true,
}: {
  value: number;
  bounds: QuantityBounds;
  /** Accessible name of the number field, e.g. "Quantity of Blue Dream". */
  label: string;
  onCommit: (quantity: number) => void;
  disabled?: boolean;
  size?: 'sm' | 'md';
  /** False: the parent commits (e.g. with an "Add to cart" button); every change is reported at once. */
  commitOnSettle?: boolean;
}) {
  const [draft, setDraft] = useState(String(value));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => setDraft(String(value)), [value]);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const commit = (text: string) => {
    if (timer.current) clearTimeout(timer.current);
    const quantity = clampQuantity(Number(text), bounds);
    setDraft(String(quantity));
    if (quantity !== value) onCommit(quantity);
  };
  const schedule = (text: string) => {
    setDraft(text);
    if (!commitOnSettle) {
      const quantity = Number(text);
      if (Number.isFinite(quantity) && text !== '') onCommit(clampQuantity(quantity, bounds));
      return;
    }
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(text), SETTLE_MS);
  };
  const current = clampQuantity(Number(draft), bounds);
  const box = size === 'sm' ? 'h-9 w-9' : 'h-10 w-10';
  const atMin = current <= bounds.min;
  const atMax = bounds.max !== null && current >= bounds.max;
  return (
    <div
      className={cn('inline-flex items-stretch rounded-md border border-gray-300 bg-white', disabled && 'opacity-60')}
    >
      <button
        type="button"
        className={cn(
          box,
          'flex items-center justify-center rounded-l-md text-gray-700 hover:bg-gray-100 disabled:opacity-40',
        )}
        aria-label={`Decrease ${label.replace(/^Quantity/, 'quantity')}`}
        disabled={disabled || atMin}
        onClick={() => schedule(String(Number(draft) > current ? current : clampQuantity(current - 1, bounds)))}
      >
        <Minus className="h-4 w-4" aria-hidden />
      </button>
      <input
        type="number"
        inputMode="numeric"
        aria-label={label}
        min={bounds.min}
        max={bounds.max ?? undefined}
        step={1}
        value={draft}
        disabled={disabled}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={(event) => commit(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit(event.currentTarget.value);
        }}
        className={cn(
          size === 'sm' ? 'w-12' : 'w-16',
          'border-x border-gray-300 text-center text-sm tabular-nums text-gray-900 [appearance:textfield] focus-visible:outline-2 focus-visible:outline-brand-600 [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none',
        )}
      />
      <button
        type="button"
        className={cn(
          box,
          'flex items-center justify-center rounded-r-md text-gray-700 hover:bg-gray-100 disabled:opacity-40',
        )}
        aria-label={`Increase ${label.replace(/^Quantity/, 'quantity')}`}
        disabled={disabled || atMax}
        onClick={() => schedule(String(clampQuantity(current + 1, bounds)))}
      >
        <Plus className="h-4 w-4" aria-hidden />
      </button>
    </div>
  );
}

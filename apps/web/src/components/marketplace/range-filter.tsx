'use client';

import { type FormEvent, useEffect, useId, useState } from 'react';
import { centsToDollarsText, dollarsToCents } from '@/lib/catalog-format';
import { cn } from '@/lib/cn';
import { parsePercent } from '@/lib/marketplace-query';
import { FacetGroup } from './facet-options';

type RangeKind = 'percent' | 'money';

/** UI text → API number: percent 0–100, or money in dollars → integer cents. null = empty, NaN = invalid. */
function parseBound(kind: RangeKind, text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (kind === 'money') return dollarsToCents(trimmed) ?? Number.NaN;
  // The same rule the URL is read with, so an accepted bound survives a reload.
  return parsePercent(trimmed.replace(/%$/, '').trim()) ?? Number.NaN;
}

const textOf = (kind: RangeKind, value: number | null) =>
  value === null ? '' : kind === 'money' ? centsToDollarsText(value) : String(value);

const INVALID: Record<RangeKind, string> = {
  percent: 'Enter percentages from 0 to 100, with at most 2 decimals.',
  money: 'Enter dollar amounts like 12 or 12.50.',
};

interface Props {
  legend: string;
  /** Words added to the Min/Max labels for screen readers, e.g. "THC percent". */
  subject: string;
  kind: RangeKind;
  min: number | null;
  max: number | null;
  onCommit: (min: number | null, max: number | null) => void;
}

/** Min/max pair applied on Enter or when focus leaves a box; an invalid pair is explained, never sent. */
export function RangeFilter({ legend, subject, kind, min, max, onCommit }: Props) {
  const id = useId();
  const [minText, setMinText] = useState(() => textOf(kind, min));
  const [maxText, setMaxText] = useState(() => textOf(kind, max));
  const [error, setError] = useState<string | null>(null);

  // The URL is the truth: follow it when it changes elsewhere (chips, clear all, back button).
  useEffect(() => setMinText(textOf(kind, min)), [kind, min]);
  useEffect(() => setMaxText(textOf(kind, max)), [kind, max]);

  const commit = () => {
    const low = parseBound(kind, minText);
    const high = parseBound(kind, maxText);
    if (Number.isNaN(low) || Number.isNaN(high)) return setError(INVALID[kind]);
    if (low !== null && high !== null && low > high) return setError('The minimum is above the maximum.');
    setError(null);
    if (low !== min || high !== max) onCommit(low, high);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };

  const box = (which: 'min' | 'max', value: string, set: (text: string) => void) => (
    <div className="min-w-0 flex-1">
      <label htmlFor={`${id}-${which}`} className="block text-xs font-medium text-gray-700">
        {which === 'min' ? 'Min' : 'Max'}
        <span className="sr-only"> {subject}</span>
      </label>
      <div className="relative mt-1">
        {kind === 'money' ? (
          <span
            aria-hidden
            className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-sm text-gray-500"
          >
            $
          </span>
        ) : null}
        <input
          id={`${id}-${which}`}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          placeholder={which === 'min' ? '0' : kind === 'percent' ? '100' : 'Any'}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(event) => set(event.target.value)}
          onBlur={commit}
          className={cn(
            'block h-10 w-full rounded-md border border-gray-300 bg-white text-sm text-gray-900 shadow-xs placeholder:text-gray-400 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-600 aria-invalid:border-red-600',
            kind === 'money' ? 'pl-6 pr-2' : 'pl-2.5 pr-7',
          )}
        />
        {kind === 'percent' ? (
          <span
            aria-hidden
            className="pointer-events-none absolute right-2.5 top-1/2 -translate-y-1/2 text-sm text-gray-500"
          >
            %
          </span>
        ) : null}
      </div>
    </div>
  );

  return (
    <FacetGroup legend={legend}>
      <form onSubmit={submit} noValidate>
        <div className="flex items-end gap-2">
          {box('min', minText, setMinText)}
          <span aria-hidden className="pb-2.5 text-gray-400">
            –
          </span>
          {box('max', maxText, setMaxText)}
        </div>
        {/* Enter applies; the hidden button keeps implicit submission working with two fields. */}
        <button type="submit" className="sr-only" tabIndex={-1}>
          Apply {subject}
        </button>
        {error ? (
          <p id={`${id}-error`} className="mt-1.5 text-xs font-medium text-red-700">
            {error}
          </p>
        ) : null}
      </form>
    </FacetGroup>
  );
}

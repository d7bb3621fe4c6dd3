'use client';

import { type ReactNode, useId, useState } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCount } from '@/lib/catalog-format';
import { countOf, PRODUCT } from '@/lib/plural';

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

const VISIBLE = 8;

function Count({ count }: { count: number }) {
  return (
    <>
      <span aria-hidden className="ml-auto text-xs tabular-nums text-gray-500">
        {formatCount(count)}
      </span>
      <span className="sr-only">, {countOf(count, PRODUCT)}</span>
    </>
  );
}

const optionRow = 'flex min-h-10 cursor-pointer items-center gap-2.5 rounded-md px-1 text-sm text-gray-800 md:min-h-8';
const control = 'h-4 w-4 shrink-0 cursor-pointer accent-brand-700';

function MoreToggle({ expanded, hidden, onToggle }: { expanded: boolean; hidden: number; onToggle: () => void }) {
  if (!expanded && hidden === 0) return null;
  return (
    <button
      type="button"
      onClick={onToggle}
      className="mt-1 min-h-8 px-1 text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
    >
      {expanded ? 'Show fewer' : `Show all (${hidden} more)`}
    </button>
  );
}

/** Long lists show their first entries and a "Show all" toggle; selected entries always stay visible. */
function useVisible(options: FacetOption[], isSelected: (value: string) => boolean) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? options : options.filter((o, index) => index < VISIBLE || isSelected(o.value));
  return { shown, more: { expanded, hidden: options.length - shown.length, onToggle: () => setExpanded(!expanded) } };
}

interface OptionRowsProps {
  options: FacetOption[];
  type: 'checkbox' | 'radio';
  /** The radio group's name. */
  name?: string;
  isSelected: (value: string) => boolean;
  /** An option was ticked or unticked (a radio only ever ticks). */
  onToggle: (value: string, checked: boolean) => void;
}

/** A facet's options, each with its control and its count. */
function OptionRows({ options, type, name, isSelected, onToggle }: OptionRowsProps) {
  return options.map((option) => (
    <label
      key={option.value}
      className={optionRow}
      data-testid="facet-option"
      data-value={option.value}
      data-count={option.count}
    >
      <input
        type={type}
        name={name}
        className={control}
        checked={isSelected(option.value)}
        onChange={(event) => onToggle(option.value, event.target.checked)}
      />
      <span className="min-w-0 truncate">{option.label}</span>
      <Count count={option.count} />
    </label>
  ));
}

export function FacetGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="border-b border-gray-200 pb-4">
      <legend className="mb-2 text-sm font-semibold text-gray-900">{legend}</legend>
      {children}
    </fieldset>
  );
}

export function FacetSkeleton() {
  return (
    <div className="space-y-2" aria-hidden>
      <Skeleton className="h-5 w-3/4" />
      <Skeleton className="h-5 w-2/3" />
      <Skeleton className="h-5 w-1/2" />
    </div>
  );
}

/** Multi-select facet: options with a count, zero-count ones hidden unless selected. */
export function CheckboxFacet({
  options,
  selected,
  onChange,
}: {
  options: FacetOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const isSelected = (value: string) => selected.includes(value);
  const present = options.filter((o) => o.count > 0 || isSelected(o.value));
  const { shown, more } = useVisible(present, isSelected);
  if (present.length === 0) return <p className="text-sm text-gray-500">None in these results</p>;
  return (
    <div>
      <OptionRows
        options={shown}
        type="checkbox"
        isSelected={isSelected}
        onToggle={(value, checked) => onChange(checked ? [...selected, value] : selected.filter((v) => v !== value))}
      />
      <MoreToggle {...more} />
    </div>
  );
}

/** Single-select facet (the API filters by one vendor at a time), with an "All" choice first. */
export function RadioFacet({
  options,
  selected,
  allLabel,
  onChange,
}: {
  options: FacetOption[];
  selected: string | null;
  allLabel: string;
  onChange: (next: string | null) => void;
}) {
  const name = useId();
  const present = options.filter((o) => o.count > 0 || o.value === selected);
  const { shown, more } = useVisible(present, (value) => value === selected);
  return (
    <div>
      <label className={optionRow}>
        <input
          type="radio"
          name={name}
          className={control}
          checked={selected === null}
          onChange={() => onChange(null)}
        />
        <span>{allLabel}</span>
      </label>
      <OptionRows
        options={shown}
        type="radio"
        name={name}
        isSelected={(value) => value === selected}
        onToggle={(value) => onChange(value)}
      />
      <MoreToggle {...more} />
    </div>
  );
}

/** On/off filter with the number of products it would keep. */
export function ToggleFacet({
  label,
  count,
  checked,
  onChange,
}: {
  label: string;
  count: number | undefined;
  checked: boolean;
  onChange: (next: boolean) => void;
}) {
  return (
    <label className={optionRow} data-testid="facet-option" data-count={count}>
      <input
        type="checkbox"
        className={control}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
      {count === undefined ? null : <Count count={count} />}
    </label>
  );
}

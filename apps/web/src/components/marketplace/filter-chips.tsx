'use client';

import { X } from 'lucide-react';
import type { FilterChip } from '@/lib/marketplace-chips';
import type { BrowseState } from '@/lib/marketplace-query';

/** The filters in force, each removable, plus one action that removes them all. */
export function FilterChips({
  chips,
  onChange,
  onClearAll,
}: {
  chips: FilterChip[];
  onChange: (next: BrowseState) => void;
  onClearAll: () => void;
}) {
  if (chips.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {chips.map((chip) => (
        <li key={chip.key}>
          <button
            type="button"
            onClick={() => onChange(chip.without)}
            className="inline-flex min-h-8 items-center gap-1.5 rounded-full border border-brand-200 bg-brand-50 py-1 pl-3 pr-2 text-xs font-medium text-brand-800 hover:bg-brand-100"
          >
            {chip.label}
            <X className="h-3.5 w-3.5" aria-hidden />
            <span className="sr-only">Remove filter</span>
          </button>
        </li>
      ))}
      <li>
        <button
          type="button"
          onClick={onClearAll}
          className="min-h-8 px-1 text-xs font-medium text-gray-700 underline underline-offset-2 hover:text-gray-900"
        >
          Clear all
        </button>
      </li>
    </ul>
  );
}

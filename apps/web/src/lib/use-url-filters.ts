'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

/**
 * A list page's filters, mirrored into its URL so Back from a detail page returns to the same view. The URL is
 * replaced rather than pushed: every keystroke in a search box would otherwise be a history entry.
 */
export function useUrlFilters<F>(initial: F, urlOf: (filters: F) => string) {
  const router = useRouter();
  const [filters, setFilters] = useState(initial);
  const change = (next: F) => {
    setFilters(next);
    router.replace(urlOf(next), { scroll: false });
  };
  return [filters, change] as const;
}

/** For a filter bar whose every control sets one field: `set('status', value)`. */
export const filterSetter =
  <F extends object>(filters: F, onChange: (next: F) => void) =>
  <K extends keyof F>(key: K, value: F[K]) =>
    onChange({ ...filters, [key]: value });

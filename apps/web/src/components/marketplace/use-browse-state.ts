'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import { type BrowseState, browseStateToSearch, parseBrowseState } from '@/lib/marketplace-query';

export interface BrowseStateControls {
  state: BrowseState;
  /** Writes the state into the URL; `replace` for refinements that should not add a history entry. */
  navigate: (next: BrowseState, options?: { replace?: boolean }) => void;
}

/**
 * The grid's state is the URL. Changes go through the History API, which Next's router follows (the search
 * params update) without a server round trip; the client query then fetches the new page. Back/forward work.
 * Until the router has caught up, the state just written is shown, so a ticked box stays ticked at once.
 */
export function useBrowseState(): BrowseStateControls {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const current = searchParams.toString();
  const parsed = useMemo(() => parseBrowseState(new URLSearchParams(current)), [current]);
  const [pending, setPending] = useState<{ from: string; state: BrowseState } | null>(null);
  // Once the URL has moved on, the written state is the URL's (and must not come back on Back).
  if (pending && pending.from !== current) setPending(null);

  const navigate = useCallback(
    (next: BrowseState, options: { replace?: boolean } = {}) => {
      const url = `${pathname}${browseStateToSearch(next)}`;
      if (url === `${window.location.pathname}${window.location.search}`) return;
      setPending({ from: current, state: next });
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    },
    [pathname, current],
  );
  return { state: pending && pending.from === current ? pending.state : parsed, navigate };
}

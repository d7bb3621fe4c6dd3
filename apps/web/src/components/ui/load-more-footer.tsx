import type { ReactNode } from 'react';
import { Button } from './button';

/** The parts of an infinite query the footer reads. */
interface PagedQuery {
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
}

interface Props {
  query: PagedQuery;
  /** What is shown, e.g. "Showing 20 of 43 products"; announced politely as it changes. */
  children: ReactNode;
  countTestId?: string;
}

/** A keyset-paged table's footer: how much is shown, a refetch in progress, and "Load more" until the end. */
export function LoadMoreFooter({ query, children, countTestId }: Props) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-gray-600">
      <span aria-live="polite" data-testid={countTestId}>
        {children}
        {query.isFetching && !query.isFetchingNextPage ? ' · updating…' : ''}
      </span>
      {query.hasNextPage ? (
        <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
        </Button>
      ) : (
        <span>End of the list</span>
      )}
    </div>
  );
}

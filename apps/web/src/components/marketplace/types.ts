import type { AppRouter } from '@pf/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>;
export type BrowseResult = Outputs['browse']['products'];
export type StorefrontResult = Outputs['browse']['storefront'];
export type VendorSummary = StorefrontResult['vendor'];

/** What the server rendered for first paint, and for which URL state (so the client uses it only for that). */
export interface InitialPage<T> {
  search: string;
  data: T;
}

/** The part of a TanStack query result the grid needs. */
export interface BrowseQueryView {
  data: BrowseResult | undefined;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: unknown;
}

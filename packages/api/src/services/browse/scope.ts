import { stores } from '@pf/db';
import { AppError, buyerVisibilityCriteria, type VisibilityCriteria } from '@pf/domain';
import { asc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { remembered } from './memo';
import { listedVendorWhere } from './visibility-sql';

/**
 * Whose products a browse may show: what the visibility rule lists for a state (buyers, and vendors looking
 * at another vendor's storefront), or a vendor's own catalog, which is not gated (DOMAIN §5.7).
 */
export type BrowseScope = { kind: 'listed'; rule: VisibilityCriteria } | { kind: 'own'; storeId: string };

export interface ScopeVendor {
  id: string;
  name: string;
}

/** The state a store's address names (remembered briefly, like the rest of the scope), or null if none. */
export async function addressStateOf(deps: AppDeps, storeId: string): Promise<string | null> {
  const [row] = await remembered(deps, `state:${storeId}`, async () =>
    deps.db.select({ address: stores.address }).from(stores).where(eq(stores.id, storeId)),
  );
  return row?.address.state?.trim() || null;
}

/** Browsing needs the state to apply the state rule (DOMAIN §5.7: missing ⇒ 400). */
async function stateOf(deps: AppDeps, storeId: string): Promise<string> {
  const state = await addressStateOf(deps, storeId);
  if (!state) {
    throw new AppError('VALIDATION_ERROR', 'Add a state to your store address to browse the marketplace.', {
      violations: [{ path: 'store.address.state', code: 'missing_state', message: 'is required to browse' }],
    });
  }
  return state;
}

/** What the store's members see in the state of its own address. */
export const listedScopeFor = async (deps: AppDeps, storeId: string): Promise<BrowseScope> => ({
  kind: 'listed',
  rule: buyerVisibilityCriteria(await stateOf(deps, storeId)),
});

/** `browse.products`: buyers browse the marketplace of their state, vendors their own catalog. */
export const browseScopeOf = (deps: AppDeps, viewer: ActiveStore): Promise<BrowseScope> =>
  viewer.type === 'vendor' ? Promise.resolve({ kind: 'own', storeId: viewer.id }) : listedScopeFor(deps, viewer.id);

/**
 * The vendors in scope, with names for cards and the vendor facet: a state has tens of vendors, not thousands.
 * A vendor that stops passing the rule leaves within SCOPE_MEMO_MS.
 */
export function vendorsInScope(deps: AppDeps, scope: BrowseScope): Promise<ScopeVendor[]> {
  return remembered(deps, `vendors:${scopeKey(scope)}`, async () =>
    deps.db
      .select({ id: stores.id, name: stores.companyName })
      .from(stores)
      .where(scope.kind === 'own' ? eq(stores.id, scope.storeId) : listedVendorWhere(scope.rule))
      .orderBy(asc(stores.id)),
  );
}

/** Stable text naming a scope, for cache keys and cursor fingerprints. */
export const scopeKey = (scope: BrowseScope) =>
  scope.kind === 'own' ? `own:${scope.storeId}` : `listed:${scope.rule.vendorState}`;

import type { BrowseQuery } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { browseInScope } from './browse-in-scope';
import type { BrowseResult } from './contracts';
import { browseScopeOf, vendorsInScope } from './scope';

/**
 * `browse.products`: a buyer sees what the visibility rule lists in the state of its store's address; a vendor
 * sees its own catalog, ungated (DOMAIN §5.7). Callers without an active store never get here (FORBIDDEN).
 */
export async function browseProducts(deps: AppDeps, viewer: ActiveStore, query: BrowseQuery): Promise<BrowseResult> {
  const scope = await browseScopeOf(deps, viewer);
  return browseInScope(deps, { scope, vendors: await vendorsInScope(deps, scope), storefrontOf: null }, query);
}

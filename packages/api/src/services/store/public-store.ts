import { stores } from '@pf/db';
import { AppError, buyerVisibilityCriteria, type PublicStoreDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { addressStateOf, vendorsInScope } from '../browse/scope';
import type { ActiveStore } from '../types';
import { storeDtoWithImages } from './store-dto';

/** A store the caller may not see answers exactly like one that does not exist. */
const notFound = () => new AppError('NOT_FOUND', 'Store not found.');

/**
 * Whether the viewer may see the store's profile: its own store, or a vendor the marketplace lists in the
 * state of the viewer's address (the rule `browse.storefront` applies, DOMAIN §5.7). No state lists nothing.
 */
async function mayView(deps: AppDeps, viewer: ActiveStore, storeId: string): Promise<boolean> {
  if (viewer.id === storeId) return true;
  const state = await addressStateOf(deps, viewer.id);
  if (!state) return false;
  const listed = await vendorsInScope(deps, { kind: 'listed', rule: buyerVisibilityCriteria(state) });
  return listed.some((vendor) => vendor.id === storeId);
}

/** `store.public.get`: what a storefront shows of a store (name, place, about, images, verified badge). */
export async function getPublicStore(deps: AppDeps, viewer: ActiveStore, storeId: string): Promise<PublicStoreDto> {
  if (!(await mayView(deps, viewer, storeId))) throw notFound();
  const [row] = await deps.db.select().from(stores).where(eq(stores.id, storeId)).limit(1);
  if (!row) throw notFound();
  const store = await storeDtoWithImages(deps, deps.db, row);
  return {
    id: store.id,
    name: store.companyName,
    dbaName: store.dbaName,
    description: store.description,
    logoUrl: store.logoUrl,
    bannerUrl: store.bannerUrl,
    city: store.address.city,
    state: store.address.state,
    badges: store.kycStatus === 'verified' ? ['verified'] : [],
  };
}

import { media, stores } from '@pf/db';
import { AppError, type StorefrontVendorDto } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';
import type { ActiveStore } from '../types';
import { browseInScope } from './browse-in-scope';
import type { StorefrontQuery, StorefrontResult } from './contracts';
import { type BrowseScope, listedScopeFor, vendorsInScope } from './scope';

const notAvailable = () => new AppError('NOT_FOUND', 'This vendor is not available.');

const banner = alias(media, 'banner');

/** Name, place, logo, badge, banner, phone and "About the business", as a buyer sees the seller. */
async function vendorSummary(deps: AppDeps, vendorId: string): Promise<StorefrontVendorDto> {
  const [row] = await deps.db
    .select({ store: stores, logo: media, banner })
    .from(stores)
    .leftJoin(media, eq(media.id, stores.logoMediaId))
    .leftJoin(banner, eq(banner.id, stores.bannerMediaId))
    .where(eq(stores.id, vendorId));
  if (!row) throw notAvailable();
  const { store, logo } = row;
  return {
    id: store.id,
    name: store.companyName,
    logoUrl: logo ? await signedReadUrl(deps, logo) : null,
    city: store.address.city,
    state: store.address.state,
    badges: store.kycStatus === 'verified' ? ['verified' as const] : [],
    description: store.description,
    phone: store.phone,
    bannerUrl: row.banner ? await signedReadUrl(deps, row.banner) : null,
  };
}

/**
 * `browse.storefront`: one vendor's products with the same filters. The vendor itself sees its own catalog
 * ungated; anyone else sees it through the visibility rule of their own store's state (DOMAIN §5.7 and §12.B7:
 * the original listed storefronts ungated), and a vendor they may not see is NOT_FOUND.
 */
export async function browseStorefront(
  deps: AppDeps,
  viewer: ActiveStore,
  query: StorefrontQuery,
): Promise<StorefrontResult> {
  const own = viewer.type === 'vendor' && viewer.id === query.vendorId;
  const scope: BrowseScope = own ? { kind: 'own', storeId: viewer.id } : await listedScopeFor(deps, viewer.id);
  const vendors = (await vendorsInScope(deps, scope)).filter((v) => v.id === query.vendorId);
  if (vendors.length === 0) throw notAvailable();
  const [page, vendor] = await Promise.all([
    browseInScope(deps, { scope, vendors, storefrontOf: query.vendorId }, query),
    vendorSummary(deps, query.vendorId),
  ]);
  return { ...page, vendor };
}

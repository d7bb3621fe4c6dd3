import type { VendorProductDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { loadProductParts, toVendorProductDto } from './product-dto';
import { findOwnProduct } from './product-fields';

/** One product of the caller's store, as the editor shows it; another store's id is NOT_FOUND. */
export async function getVendorProduct(
  deps: AppDeps,
  store: ActiveStore,
  productId: string,
): Promise<VendorProductDto> {
  const product = await findOwnProduct(deps.db, store.id, productId);
  return toVendorProductDto(deps, product, await loadProductParts(deps.db, product));
}

import { media, products, stores } from '@pf/db';
import { AppError, freeQuantity, isVisibleToBuyer, type ProductDetailDto, stockAvailability } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { addressStateOf } from '../browse/scope';
import type { ActiveStore } from '../types';
import { readUrlOf } from './media-urls';
import { loadProductParts, productFactsOf } from './product-dto';
import { visibilitySubjectOf } from './visibility-subject';

type StoreRow = typeof stores.$inferSelect;

const notAvailable = () => new AppError('NOT_FOUND', 'This product is not available.');

/**
 * Whether the caller may see the product. A vendor sees only its own live products; a buyer sees what the one
 * visibility rule allows for the state of its own address (DOMAIN §5.7, including the state check the original
 * forgot on this read).
 */
async function canSee(deps: AppDeps, viewer: ActiveStore, product: typeof products.$inferSelect, vendor: StoreRow) {
  if (viewer.type === 'vendor') return product.storeId === viewer.id && product.deletedAt === null;
  const buyerState = await addressStateOf(deps, viewer.id);
  return buyerState !== null && isVisibleToBuyer(visibilitySubjectOf(product, vendor), buyerState);
}

async function vendorSummaryOf(deps: AppDeps, vendor: StoreRow) {
  const [logo] = vendor.logoMediaId ? await deps.db.select().from(media).where(eq(media.id, vendor.logoMediaId)) : [];
  return {
    id: vendor.id,
    name: vendor.companyName,
    logoUrl: await readUrlOf(deps, logo),
    city: vendor.address.city,
    state: vendor.address.state,
    badges: vendor.kycStatus === 'verified' ? ['verified' as const] : [],
  };
}

/** Product detail for the marketplace; anything the caller may not see is NOT_FOUND, never a hint why. */
export async function getProductDetail(
  deps: AppDeps,
  viewer: ActiveStore,
  productId: string,
): Promise<ProductDetailDto> {
  const [row] = await deps.db
    .select({ product: products, vendor: stores })
    .from(products)
    .innerJoin(stores, eq(stores.id, products.storeId))
    .where(eq(products.id, productId));
  if (!row || !(await canSee(deps, viewer, row.product, row.vendor))) throw notAvailable();
  const parts = await loadProductParts(deps.db, row.product);
  const [facts, vendor] = await Promise.all([
    productFactsOf(deps, row.product, parts),
    vendorSummaryOf(deps, row.vendor),
  ]);
  const availableQty = freeQuantity(parts.stock);
  const availability = stockAvailability(availableQty, row.product.moq);
  return { ...facts, availableQty, inStock: availableQty > 0, availability, vendor };
}

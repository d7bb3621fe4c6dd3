import type { products, stores } from '@pf/db';
import type { VisibilitySubject } from '@pf/domain';

type ProductRow = typeof products.$inferSelect;
type StoreRow = typeof stores.$inferSelect;

/** What the one visibility rule reads of a product row and its vendor's store row. */
export const visibilitySubjectOf = (
  product: Pick<ProductRow, 'isActive' | 'deletedAt'>,
  vendor: Pick<StoreRow, 'type' | 'kycStatus' | 'subscriptionActive' | 'address'>,
): VisibilitySubject => ({
  product: { isActive: product.isActive, deletedAt: product.deletedAt },
  vendor: {
    type: vendor.type,
    kycStatus: vendor.kycStatus,
    subscriptionActive: vendor.subscriptionActive,
    state: vendor.address.state,
  },
});

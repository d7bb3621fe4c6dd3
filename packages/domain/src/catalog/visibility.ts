import type { KycStatus, StoreType } from '../identity';

/**
 * The single buyer-visibility rule (DOMAIN §5.7). Buyer-facing reads either call `isVisibleToBuyer` on a
 * loaded product or build their SQL filter from `buyerVisibilityCriteria`, so the two cannot drift apart.
 */
export interface VisibilityCriteria {
  productActive: true;
  vendorType: 'vendor';
  vendorKycStatus: 'verified';
  vendorSubscriptionActive: true;
  /** Upper-case state code the vendor must be located in. */
  vendorState: string;
}

export const buyerVisibilityCriteria = (buyerState: string): VisibilityCriteria => ({
  productActive: true,
  vendorType: 'vendor',
  vendorKycStatus: 'verified',
  vendorSubscriptionActive: true,
  vendorState: buyerState.trim().toUpperCase(),
});

export interface VisibilitySubject {
  product: { isActive: boolean; deletedAt: Date | string | null };
  vendor: { type: StoreType; kycStatus: KycStatus; subscriptionActive: boolean; state: string };
}

export function isVisibleToBuyer(subject: VisibilitySubject, buyerState: string): boolean {
  const rule = buyerVisibilityCriteria(buyerState);
  return (
    subject.product.deletedAt === null &&
    subject.product.isActive === rule.productActive &&
    subject.vendor.type === rule.vendorType &&
    subject.vendor.kycStatus === rule.vendorKycStatus &&
    subject.vendor.subscriptionActive === rule.vendorSubscriptionActive &&
    subject.vendor.state.trim().toUpperCase() === rule.vendorState
  );
}

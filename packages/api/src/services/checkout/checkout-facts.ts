import type { Transaction } from '@pf/db';
import { type Address, AppError, type CheckoutFailureReason, type KycStatus, type StoreType } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { rowsIn } from '../cart/buyer-gate';

interface VendorFacts {
  id: string;
  type: StoreType;
  kyc: KycStatus;
  subscribed: boolean;
  state: string | null;
  licensed: boolean;
}

interface ProductLiveness {
  id: string;
  live: boolean;
  category: string;
  strain: string | null;
  classification: string | null;
}

export interface CheckoutFacts {
  buyer: { kyc: KycStatus; address: Address | null; achEnabled: boolean };
  /** States in which the buyer holds a verified, unexpired license. */
  buyerLicenseStates: Set<string>;
  vendors: Map<string, VendorFacts>;
  products: Map<string, ProductLiveness>;
}

const uuidArray = (ids: string[]) => `{${ids.join(',')}}`;

/**
 * Everything checkout re-checks (DOMAIN §5.9 d, i and the license rule of issue 11) in one statement, read inside
 * the checkout transaction: the buyer's standing and licenses, each vendor's gating and license, each product's
 * liveness and snapshot fields.
 */
export async function loadCheckoutFacts(
  tx: Transaction,
  buyerStoreId: string,
  vendorIds: string[],
  productIds: string[],
  today: string,
): Promise<CheckoutFacts> {
  const [row] = rowsIn<{
    buyer: CheckoutFacts['buyer'] | null;
    buyer_states: string[];
    vendors: VendorFacts[];
    products: ProductLiveness[];
  }>(
    await tx.execute(sql`
      select
        (select json_build_object('kyc', kyc_status, 'address', address, 'achEnabled', ach_enabled)
          from stores where id = ${buyerStoreId}) as buyer,
        (select coalesce(json_agg(distinct upper(trim(issuing_state))), '[]'::json) from licenses
          where store_id = ${buyerStoreId} and status = 'verified'
            and (expiration_date is null or expiration_date >= ${today}::date)) as buyer_states,
        (select coalesce(json_agg(json_build_object('id', s.id, 'type', s.type, 'kyc', s.kyc_status,
            'subscribed', s.subscription_active, 'state', upper(trim(s.address->>'state')),
            'licensed', exists(select 1 from licenses l where l.store_id = s.id and l.status = 'verified'
              and (l.expiration_date is null or l.expiration_date >= ${today}::date)
              and upper(trim(l.issuing_state)) = upper(trim(s.address->>'state'))))), '[]'::json)
          from stores s where s.id = any(${uuidArray(vendorIds)}::uuid[])) as vendors,
        (select coalesce(json_agg(json_build_object('id', p.id, 'live', p.is_active and p.deleted_at is null,
            'category', p.category, 'strain', p.strain, 'classification', p.classification)), '[]'::json)
          from products p where p.id = any(${uuidArray(productIds)}::uuid[])) as products`),
  );
  if (!row?.buyer) throw new AppError('NOT_FOUND', 'Store not found.');
  return {
    buyer: row.buyer,
    buyerLicenseStates: new Set(row.buyer_states),
    vendors: new Map(row.vendors.map((vendor) => [vendor.id, vendor])),
    products: new Map(row.products.map((product) => [product.id, product])),
  };
}

/**
 * Why a vendor's group cannot be ordered now, or null. The vendor must still pass the buyer-visibility rule
 * (DOMAIN §5.7) and hold a valid license in its state; the buyer must hold one in the vendor's state.
 */
export function vendorFailure(
  facts: CheckoutFacts,
  vendorId: string,
  buyerState: string,
): CheckoutFailureReason | null {
  const vendor = facts.vendors.get(vendorId);
  if (vendor?.type !== 'vendor' || !vendor.subscribed || vendor.state !== buyerState) {
    return 'vendor_unavailable';
  }
  if (vendor.kyc !== 'verified' || !vendor.licensed) return 'vendor_license_invalid';
  if (!facts.buyerLicenseStates.has(vendor.state)) return 'buyer_license_invalid';
  return null;
}

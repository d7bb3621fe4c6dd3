import { stores } from '@pf/db';
import type { VisibilityCriteria } from '@pf/domain';
import { type AnyColumn, and, eq, isNull, type SQL, sql } from 'drizzle-orm';

/** The products table or an alias of it. */
interface ProductColumns {
  isActive: AnyColumn;
  deletedAt: AnyColumn;
}

/**
 * The buyer-visibility rule (DOMAIN §5.7) as SQL, built only from `buyerVisibilityCriteria` so it cannot drift
 * from `isVisibleToBuyer`. Split in two because browse resolves the (few) listed vendors first and then scans
 * only their products.
 */
export const listedVendorWhere = (rule: VisibilityCriteria): SQL =>
  and(
    eq(stores.type, rule.vendorType),
    eq(stores.kycStatus, rule.vendorKycStatus),
    eq(stores.subscriptionActive, rule.vendorSubscriptionActive),
    // Same normalisation as isVisibleToBuyer: trimmed, upper-case state code.
    sql`upper(trim(${stores.address}->>'state')) = ${rule.vendorState}`,
  ) as SQL;

/**
 * Product half of the rule. `is_active` is written as a literal, not a parameter: the browse indexes are
 * partial on `is_active and deleted_at is null`, and the planner can only match a predicate it can see.
 */
export const listedProductWhere = (table: ProductColumns, rule: VisibilityCriteria): SQL =>
  and(sql`${table.isActive} = ${sql.raw(String(rule.productActive))}`, isNull(table.deletedAt)) as SQL;

/** A vendor's own catalog: everything it has not deleted, active or not (DOMAIN §5.6, no gating). */
export const ownProductWhere = (table: ProductColumns): SQL => isNull(table.deletedAt);

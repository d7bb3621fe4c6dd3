import { billingPlans, listingOverrides, stores, subscriptions } from '@pf/db';
import type { AdminBillingStoreDto, adminBillingStoresInput, SetListingOverrideInput } from '@pf/domain';
import { AppError } from '@pf/domain';
import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import { afterKeyset, pageOf, preciseTimestamp } from '../keyset';
import type { RequestMeta } from '../types';
import { listingFor, lockStanding, settleListing } from './standing';

const iso = (value: Date | null) => value?.toISOString() ?? null;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Vendor stores with their subscription standing, newest first (the admin billing page). */
export async function listBillingStores(
  deps: AppDeps,
  input: z.output<typeof adminBillingStoresInput>,
  onlyStoreId?: string,
): Promise<{ items: AdminBillingStoreDto[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(stores.type, 'vendor')];
  if (onlyStoreId) conditions.push(eq(stores.id, onlyStoreId));
  if (input.q) conditions.push(ilike(stores.companyName, `%${escapeLike(input.q)}%`));
  if (input.listed !== undefined) conditions.push(eq(stores.subscriptionActive, input.listed));
  if (input.cursor) conditions.push(afterKeyset(stores.createdAt, stores.id, input.cursor, 'desc'));
  const rows = await deps.db
    .select({
      id: stores.id,
      name: stores.companyName,
      address: stores.address,
      kycStatus: stores.kycStatus,
      listed: stores.subscriptionActive,
      position: preciseTimestamp(stores.createdAt),
      subscription: subscriptions,
      planName: billingPlans.name,
      override: listingOverrides,
    })
    .from(stores)
    .leftJoin(subscriptions, eq(subscriptions.storeId, stores.id))
    .leftJoin(billingPlans, eq(billingPlans.id, subscriptions.planId))
    .leftJoin(listingOverrides, eq(listingOverrides.storeId, stores.id))
    .where(and(...conditions))
    .orderBy(desc(stores.createdAt), desc(stores.id))
    .limit(input.limit + 1);
  const { page, nextCursor } = pageOf(rows, input.limit);
  const now = deps.clock.now();
  return {
    nextCursor,
    items: page.map((row) => {
      const sub = row.subscription;
      const listing = listingFor(deps, { subscription: sub, override: row.override }, now);
      return {
        storeId: row.id,
        name: row.name,
        state: row.address.state,
        kycStatus: row.kycStatus,
        listed: row.listed,
        subscription: sub
          ? {
              status: sub.status,
              planName: row.planName,
              currentPeriodEnd: iso(sub.currentPeriodEnd),
              cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
              graceEndsAt: iso(listing.graceEndsAt),
            }
          : null,
        override: row.override
          ? { listed: row.override.listed, reason: row.override.reason, setAt: row.override.updatedAt.toISOString() }
          : null,
      };
    }),
  };
}

/**
 * Support's manual override of a vendor's listing (paid by check, a dispute…), or its removal. The reason is
 * required and audited with the before/after; the flag is re-derived and the vendor told in the same
 * transaction.
 */
export async function setListingOverride(
  deps: AppDeps,
  adminUserId: string,
  input: SetListingOverrideInput,
  meta: RequestMeta,
): Promise<AdminBillingStoreDto> {
  await deps.db.transaction(async (tx) => {
    const [store] = await tx.select({ type: stores.type }).from(stores).where(eq(stores.id, input.storeId));
    if (store?.type !== 'vendor') throw new AppError('NOT_FOUND', 'Vendor store not found.');
    const standing = await lockStanding(tx, input.storeId);
    if (!standing) throw new AppError('NOT_FOUND', 'Vendor store not found.');
    const now = deps.clock.now();
    if (input.mode === 'none') {
      await tx.delete(listingOverrides).where(eq(listingOverrides.storeId, input.storeId));
    } else {
      const values = {
        listed: input.mode === 'listed',
        reason: input.reason,
        setByUserId: adminUserId,
        updatedAt: now,
      };
      await tx
        .insert(listingOverrides)
        .values({ storeId: input.storeId, ...values, createdAt: now })
        .onConflictDoUpdate({ target: listingOverrides.storeId, set: values });
    }
    const { listing } = await settleListing(tx, deps, standing, { userId: adminUserId, role: 'admin' });
    await recordAudit(tx, {
      actorUserId: adminUserId,
      storeId: input.storeId,
      action: input.mode === 'none' ? 'store.listing_override_cleared' : 'store.listing_override_set',
      targetType: 'store',
      targetId: input.storeId,
      details: {
        reason: input.reason,
        before: {
          override: standing.override ? { listed: standing.override.listed } : null,
          listed: standing.listedFlag,
        },
        after: { override: input.mode === 'none' ? null : { listed: input.mode === 'listed' }, listed: listing.listed },
      },
      requestId: meta.requestId,
    });
  });
  const page = await listBillingStoreById(deps, input.storeId);
  if (!page) throw new AppError('NOT_FOUND', 'Vendor store not found.');
  return page;
}

async function listBillingStoreById(deps: AppDeps, storeId: string) {
  const { items } = await listBillingStores(deps, { limit: 1 }, storeId);
  return items[0] ?? null;
}

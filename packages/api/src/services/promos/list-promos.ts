import { vendorPromos } from '@pf/db';
import type { PromoListDto } from '@pf/domain';
import { desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import type { ActiveStore } from '../types';
import { toPromoDto } from './promo-dto';

/** A vendor has tens of codes, not thousands: newest first, capped. */
const MAX_LISTED = 500;

export async function listPromos(deps: AppDeps, store: ActiveStore): Promise<PromoListDto> {
  const rows = await deps.db
    .select()
    .from(vendorPromos)
    .where(eq(vendorPromos.vendorStoreId, store.id))
    .orderBy(desc(vendorPromos.createdAt), desc(vendorPromos.id))
    .limit(MAX_LISTED);
  const now = deps.clock.now();
  return { items: rows.map((row) => toPromoDto(row, now)) };
}

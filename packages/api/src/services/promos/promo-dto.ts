import { type DbOrTx, vendorPromos } from '@pf/db';
import { AppError, type PromoDto, type PromoState, promoUnusableReason } from '@pf/domain';
import { and, eq } from 'drizzle-orm';

export type PromoRow = typeof vendorPromos.$inferSelect;

const stateOf = (row: PromoRow, now: Date): PromoState => {
  const reason = promoUnusableReason(row, now);
  return reason === 'inactive'
    ? 'inactive'
    : reason === 'expired'
      ? 'expired'
      : reason === 'exhausted'
        ? 'exhausted'
        : 'live';
};

export const toPromoDto = (row: PromoRow, now: Date): PromoDto => ({
  id: row.id,
  code: row.code,
  kind: row.kind,
  percentBps: row.percentBps,
  amountCents: row.amountCents,
  minSubtotalCents: row.minSubtotalCents,
  usageLimit: row.usageLimit,
  usedCount: row.usedCount,
  active: row.active,
  expiresAt: row.expiresAt?.toISOString() ?? null,
  state: stateOf(row, now),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The vendor's own promo, locked for a change; another store's promo is NOT_FOUND like a random id. */
export async function findOwnPromo(tx: DbOrTx, vendorStoreId: string, promoId: string): Promise<PromoRow> {
  const [row] = await tx
    .select()
    .from(vendorPromos)
    .where(and(eq(vendorPromos.id, promoId), eq(vendorPromos.vendorStoreId, vendorStoreId)))
    .for('update');
  if (!row) throw new AppError('NOT_FOUND', 'Promo code not found.');
  return row;
}

/** The part of a promo an audit entry records. */
export const promoSummary = (row: PromoRow) => ({
  code: row.code,
  kind: row.kind,
  percentBps: row.percentBps,
  amountCents: row.amountCents,
  minSubtotalCents: row.minSubtotalCents,
  usageLimit: row.usageLimit,
  active: row.active,
  expiresAt: row.expiresAt?.toISOString() ?? null,
});

export const futureOrThrow = (expiresAt: string | null | undefined, now: Date): Date | null | undefined => {
  if (expiresAt === undefined || expiresAt === null) return expiresAt;
  const date = new Date(expiresAt);
  if (date.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION_ERROR', 'validation failed', {
      violations: [{ path: 'expiresAt', code: 'in_past', message: 'must be in the future' }],
    });
  }
  return date;
};

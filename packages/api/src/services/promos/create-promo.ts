import { isUniqueViolation, vendorPromos } from '@pf/db';
import { AppError, type CreatePromoData, type PromoDto } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { futureOrThrow, promoSummary, toPromoDto } from './promo-dto';

export async function createPromo(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: CreatePromoData,
  meta: RequestMeta,
): Promise<PromoDto> {
  const now = deps.clock.now();
  const expiresAt = futureOrThrow(input.expiresAt, now) ?? null;
  try {
    return await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vendorPromos)
        .values({
          vendorStoreId: store.id,
          code: input.code,
          kind: input.kind,
          percentBps: input.kind === 'percent' ? input.percentBps : null,
          amountCents: input.kind === 'fixed' ? input.amountCents : null,
          minSubtotalCents: input.minSubtotalCents,
          usageLimit: input.usageLimit,
          active: input.active,
          expiresAt,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error('promo insert returned no row');
      await recordAudit(tx, {
        actorUserId,
        storeId: store.id,
        action: 'promo.created',
        targetType: 'promo',
        targetId: row.id,
        details: { after: promoSummary(row) },
        requestId: meta.requestId,
      });
      return toPromoDto(row, now);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'vendor_promos_vendor_code_key')) {
      throw new AppError('CONFLICT', 'You already have a promo with this code.', {
        violations: [{ path: 'code', code: 'duplicate', message: 'is already used by another of your promos' }],
      });
    }
    throw error;
  }
}

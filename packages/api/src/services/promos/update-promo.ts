import { vendorPromos } from '@pf/db';
import { AppError, type PromoDto, type UpdatePromoInput } from '@pf/domain';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { recordAudit } from '../audit';
import type { ActiveStore, RequestMeta } from '../types';
import { findOwnPromo, futureOrThrow, type PromoRow, promoSummary, toPromoDto } from './promo-dto';

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', 'validation failed', { violations: [{ path, code: 'invalid', message }] });

/** Changes what the promo gives and when; its code and kind stay. Orders already placed keep their discount. */
export async function updatePromo(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  input: UpdatePromoInput,
  meta: RequestMeta,
): Promise<PromoDto> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await findOwnPromo(tx, store.id, input.promoId);
    if (input.percentBps !== undefined && before.kind !== 'percent') {
      throw invalid('percentBps', 'this is a fixed-amount promo; change amountCents instead');
    }
    if (input.amountCents !== undefined && before.kind !== 'fixed') {
      throw invalid('amountCents', 'this is a percent promo; change percentBps instead');
    }
    if (input.usageLimit !== undefined && input.usageLimit !== null && input.usageLimit < before.usedCount) {
      throw invalid('usageLimit', `must be at least the ${before.usedCount} uses already made`);
    }
    const change: Partial<PromoRow> = {
      ...(input.percentBps !== undefined ? { percentBps: input.percentBps } : {}),
      ...(input.amountCents !== undefined ? { amountCents: input.amountCents } : {}),
      ...(input.minSubtotalCents !== undefined ? { minSubtotalCents: input.minSubtotalCents } : {}),
      ...(input.usageLimit !== undefined ? { usageLimit: input.usageLimit } : {}),
      ...(input.expiresAt !== undefined ? { expiresAt: futureOrThrow(input.expiresAt, now) } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    };
    const changed = Object.entries(change).some(
      ([key, value]) => JSON.stringify(before[key as keyof PromoRow]) !== JSON.stringify(value),
    );
    if (!changed) return toPromoDto(before, now);
    const [after] = await tx
      .update(vendorPromos)
      .set({ ...change, updatedAt: now })
      .where(eq(vendorPromos.id, before.id))
      .returning();
    if (!after) throw new Error('promo vanished');
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'promo.updated',
      targetType: 'promo',
      targetId: after.id,
      details: { before: promoSummary(before), after: promoSummary(after) },
      requestId: meta.requestId,
    });
    return toPromoDto(after, now);
  });
}

/** Ends the promo now (inactive, expired at this instant); ending an ended promo changes nothing. */
export async function expirePromo(
  deps: AppDeps,
  actorUserId: string,
  store: ActiveStore,
  promoId: string,
  meta: RequestMeta,
): Promise<PromoDto> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const before = await findOwnPromo(tx, store.id, promoId);
    const alreadyEnded = !before.active && before.expiresAt !== null && before.expiresAt.getTime() <= now.getTime();
    if (alreadyEnded) return toPromoDto(before, now);
    const expiresAt = before.expiresAt && before.expiresAt.getTime() <= now.getTime() ? before.expiresAt : now;
    const [after] = await tx
      .update(vendorPromos)
      .set({ active: false, expiresAt, updatedAt: now })
      .where(eq(vendorPromos.id, before.id))
      .returning();
    if (!after) throw new Error('promo vanished');
    await recordAudit(tx, {
      actorUserId,
      storeId: store.id,
      action: 'promo.expired',
      targetType: 'promo',
      targetId: after.id,
      details: { before: promoSummary(before), after: promoSummary(after) },
      requestId: meta.requestId,
    });
    return toPromoDto(after, now);
  });
}

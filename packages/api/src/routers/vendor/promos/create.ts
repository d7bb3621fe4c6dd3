import { createPromoInput, promoDto } from '@pf/domain';
import { createPromo } from '../../../services/promos/create-promo';
import { promoEditor } from './procedures';

export const createPromoProcedure = promoEditor
  .meta({ idempotency: '24h' })
  .input(createPromoInput)
  .output(promoDto)
  .mutation(({ ctx, input }) => createPromo(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

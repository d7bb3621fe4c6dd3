import { promoDto, updatePromoInput } from '@pf/domain';
import { updatePromo } from '../../../services/promos/update-promo';
import { promoEditor } from './procedures';

/** Sets absolute values, so a repeat is harmless and needs no key. */
export const updatePromoProcedure = promoEditor
  .input(updatePromoInput)
  .output(promoDto)
  .mutation(({ ctx, input }) => updatePromo(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

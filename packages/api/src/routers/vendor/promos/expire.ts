import { promoDto, promoIdInput } from '@pf/domain';
import { expirePromo } from '../../../services/promos/update-promo';
import { promoEditor } from './procedures';

export const expirePromoProcedure = promoEditor
  .input(promoIdInput)
  .output(promoDto)
  .mutation(({ ctx, input }) => expirePromo(ctx.deps, ctx.principal.userId, ctx.store, input.promoId, ctx));

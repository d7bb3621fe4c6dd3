import { checkoutConfirmationInput, checkoutResultDto } from '@pf/domain';
import { getCheckoutConfirmation } from '../../../services/checkout/checkout-result';
import { buyerStoreProcedure } from '../../../trpc/procedures';

/** Any member of the buyer store may follow its checkouts (live order and payment statuses). */
export const checkoutConfirmationProcedure = buyerStoreProcedure('readStore')
  .input(checkoutConfirmationInput)
  .output(checkoutResultDto)
  .query(({ ctx, input }) => getCheckoutConfirmation(ctx.deps, ctx.store.id, input.identifier));

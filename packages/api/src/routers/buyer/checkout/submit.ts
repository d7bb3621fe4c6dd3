import { checkoutResultDto, checkoutSubmitInput } from '@pf/domain';
import { submitCheckout } from '../../../services/checkout/submit-checkout';
import { buyerStoreProcedure } from '../../../trpc/procedures';

/** Commits the store to pay: Idempotency-Key required and kept 7 days (DOMAIN §10.4). */
export const submitCheckoutProcedure = buyerStoreProcedure('placeOrders')
  .meta({ idempotency: '7d' })
  .input(checkoutSubmitInput)
  .output(checkoutResultDto)
  .mutation(({ ctx, input }) => submitCheckout(ctx.deps, ctx.principal.userId, ctx.store, input));

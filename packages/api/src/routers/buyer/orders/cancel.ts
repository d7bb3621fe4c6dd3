import { cancelOrderInput, orderChangeResultDto } from '@pf/domain';
import { cancelOrder } from '../../../services/orders/cancel-order';
import { buyerOrderCanceler } from './procedures';

/** Call an order off before pickup: Idempotency-Key required, kept 7 days (DOMAIN §10.4). */
export const cancelBuyerOrderProcedure = buyerOrderCanceler
  .meta({ idempotency: '7d' })
  .input(cancelOrderInput)
  .output(orderChangeResultDto)
  .mutation(({ ctx, input }) => cancelOrder(ctx.deps, ctx.principal.userId, ctx.store, input));

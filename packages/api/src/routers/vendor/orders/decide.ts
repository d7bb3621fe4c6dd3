import { decideOrderInput, orderChangeResultDto } from '@pf/domain';
import { decideOrder } from '../../../services/orders/decide-order';
import { vendorOrderDecider } from './procedures';

/** Accept or reject a pending order: Idempotency-Key required, kept 7 days (DOMAIN §10.4). */
export const decideVendorOrderProcedure = vendorOrderDecider
  .meta({ idempotency: '7d' })
  .input(decideOrderInput)
  .output(orderChangeResultDto)
  .mutation(({ ctx, input }) => decideOrder(ctx.deps, ctx.principal.userId, ctx.store, input));

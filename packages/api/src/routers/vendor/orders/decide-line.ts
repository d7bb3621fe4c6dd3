import { decideLineInput, orderChangeResultDto } from '@pf/domain';
import { decideLine } from '../../../services/orders/decide-line';
import { vendorOrderDecider } from './procedures';

/** Fulfil or reject one line of an accepted order: Idempotency-Key required, kept 7 days. */
export const decideVendorOrderLineProcedure = vendorOrderDecider
  .meta({ idempotency: '7d' })
  .input(decideLineInput)
  .output(orderChangeResultDto)
  .mutation(({ ctx, input }) => decideLine(ctx.deps, ctx.principal.userId, ctx.store, input));

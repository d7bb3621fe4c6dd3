import { orderDetailDto, orderIdInput } from '@pf/domain';
import { getOrder } from '../../../services/orders/get-order';
import { vendorOrderReader } from './procedures';

export const getVendorOrderProcedure = vendorOrderReader
  .input(orderIdInput)
  .output(orderDetailDto)
  .query(({ ctx, input }) => getOrder(ctx.deps, 'vendor', ctx.store.id, input.orderId));

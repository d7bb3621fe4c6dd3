import { orderDetailDto, orderIdInput } from '@pf/domain';
import { getOrder } from '../../../services/orders/get-order';
import { buyerOrderReader } from './procedures';

export const getBuyerOrderProcedure = buyerOrderReader
  .input(orderIdInput)
  .output(orderDetailDto)
  .query(({ ctx, input }) => getOrder(ctx.deps, 'buyer', ctx.store.id, input.orderId));

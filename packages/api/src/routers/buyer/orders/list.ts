import { orderListInput, orderListPage } from '@pf/domain';
import { listOrders } from '../../../services/orders/list-orders';
import { buyerOrderReader } from './procedures';

export const listBuyerOrdersProcedure = buyerOrderReader
  .input(orderListInput)
  .output(orderListPage)
  .query(({ ctx, input }) => listOrders(ctx.deps, 'buyer', ctx.store.id, input));

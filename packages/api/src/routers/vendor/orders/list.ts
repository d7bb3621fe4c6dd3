import { orderListInput, orderListPage } from '@pf/domain';
import { listOrders } from '../../../services/orders/list-orders';
import { vendorOrderReader } from './procedures';

export const listVendorOrdersProcedure = vendorOrderReader
  .input(orderListInput)
  .output(orderListPage)
  .query(({ ctx, input }) => listOrders(ctx.deps, 'vendor', ctx.store.id, input));

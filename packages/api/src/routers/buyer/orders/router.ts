import { router } from '../../../trpc/init';
import { cancelBuyerOrderProcedure } from './cancel';
import { getBuyerOrderProcedure } from './get';
import { listBuyerOrdersProcedure } from './list';

export const buyerOrdersRouter = router({
  list: listBuyerOrdersProcedure,
  get: getBuyerOrderProcedure,
  cancel: cancelBuyerOrderProcedure,
});

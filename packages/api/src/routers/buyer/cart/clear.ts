import { cartClearOutput } from '@pf/domain';
import { clearBuyerCart } from '../../../services/cart/get-cart';
import { cartWriter } from './procedures';

export const clearCartProcedure = cartWriter
  .output(cartClearOutput)
  .mutation(({ ctx }) => clearBuyerCart(ctx.deps, ctx.store));

import { cartDto, cartQuoteInput } from '@pf/domain';
import { quoteBuyerCart } from '../../../services/cart/quote-cart';
import { cartWriter } from './procedures';

/** Prices intent on the server and replaces the active cart; repeating it is harmless, so no key is needed. */
export const quoteCartProcedure = cartWriter
  .input(cartQuoteInput)
  .output(cartDto)
  .mutation(({ ctx, input }) => quoteBuyerCart(ctx.deps, ctx.store, input));

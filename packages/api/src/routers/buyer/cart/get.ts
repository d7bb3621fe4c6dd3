import { cartGetOutput } from '@pf/domain';
import { getBuyerCart } from '../../../services/cart/get-cart';
import { cartReader } from './procedures';

export const getCartProcedure = cartReader.output(cartGetOutput).query(({ ctx }) => getBuyerCart(ctx.deps, ctx.store));

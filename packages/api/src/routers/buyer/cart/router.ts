import { router } from '../../../trpc/init';
import { clearCartProcedure } from './clear';
import { getCartProcedure } from './get';
import { quoteCartProcedure } from './quote';

export const cartRouter = router({ quote: quoteCartProcedure, get: getCartProcedure, clear: clearCartProcedure });

import { router } from '../../trpc/init';
import { getProductDetailProcedure } from './get';

export const productsRouter = router({ get: getProductDetailProcedure });

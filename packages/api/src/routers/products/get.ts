import { productDetailDto, productIdInput } from '@pf/domain';
import { getProductDetail } from '../../services/products/get-product-detail';
import { storeProcedure } from '../../trpc/procedures';

/** Any store member; buyers see only what the visibility rule allows, vendors only their own products. */
export const getProductDetailProcedure = storeProcedure({ capability: 'readStore' })
  .input(productIdInput)
  .output(productDetailDto)
  .query(({ ctx, input }) => getProductDetail(ctx.deps, ctx.store, input.productId));

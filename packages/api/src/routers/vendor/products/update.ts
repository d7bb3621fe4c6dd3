import { updateProductInput, vendorProductDto } from '@pf/domain';
import { updateProduct } from '../../../services/products/update-product';
import { catalogEditor } from './procedures';

export const updateProductProcedure = catalogEditor
  .input(updateProductInput)
  .output(vendorProductDto)
  .mutation(({ ctx, input }) => updateProduct(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

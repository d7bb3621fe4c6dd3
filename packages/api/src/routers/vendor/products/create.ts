import { createProductInput, vendorProductDto } from '@pf/domain';
import { createProduct } from '../../../services/products/create-product';
import { catalogEditor } from './procedures';

export const createProductProcedure = catalogEditor
  .meta({ idempotency: '24h' })
  .input(createProductInput)
  .output(vendorProductDto)
  .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

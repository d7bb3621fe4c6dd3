import { productIdInput } from '@pf/domain';
import { z } from 'zod';
import { deleteProduct } from '../../../services/products/delete-product';
import { catalogEditor } from './procedures';

export const deleteProductProcedure = catalogEditor
  .input(productIdInput)
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteProduct(ctx.deps, ctx.principal.userId, ctx.store, input.productId, ctx);
    return { deleted: true as const };
  });

import { createProductInput, type VendorProductDto, vendorProductDto } from '@pf/domain';
import { createProduct } from '../../../services/products/create-product';
import { getVendorProduct } from '../../../services/products/get-vendor-product';
import type { ActiveStore } from '../../../services/types';
import { catalogEditor } from './procedures';

export const createProductProcedure = catalogEditor
  .meta({
    idempotency: '24h',
    // The stored answer holds signed gallery and COA URLs; a replay reads the product again for fresh ones.
    refreshOnReplay: (ctx, stored) =>
      getVendorProduct(ctx.deps, ctx.store as ActiveStore, (stored as VendorProductDto).id),
  })
  .input(createProductInput)
  .output(vendorProductDto)
  .mutation(({ ctx, input }) => createProduct(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

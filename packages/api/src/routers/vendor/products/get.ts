import { productIdInput, vendorProductDto } from '@pf/domain';
import { getVendorProduct } from '../../../services/products/get-vendor-product';
import { catalogReader } from './procedures';

export const getProductProcedure = catalogReader
  .input(productIdInput)
  .output(vendorProductDto)
  .query(({ ctx, input }) => getVendorProduct(ctx.deps, ctx.store, input.productId));

import { listVendorProductsInput, vendorProductPage } from '@pf/domain';
import { listVendorProducts } from '../../../services/products/list-vendor-products';
import { catalogReader } from './procedures';

export const listProductsProcedure = catalogReader
  .input(listVendorProductsInput)
  .output(vendorProductPage)
  .query(({ ctx, input }) => listVendorProducts(ctx.deps, ctx.store, input));

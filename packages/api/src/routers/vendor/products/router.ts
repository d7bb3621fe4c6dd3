import { router } from '../../../trpc/init';
import { createProductProcedure } from './create';
import { deleteProductProcedure } from './delete';
import { getProductProcedure } from './get';
import { listProductsProcedure } from './list';
import { setInventoryProcedure } from './set-inventory';
import { updateProductProcedure } from './update';

export const vendorProductsRouter = router({
  create: createProductProcedure,
  update: updateProductProcedure,
  setInventory: setInventoryProcedure,
  delete: deleteProductProcedure,
  list: listProductsProcedure,
  get: getProductProcedure,
});

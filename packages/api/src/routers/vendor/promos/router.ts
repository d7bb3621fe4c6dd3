import { router } from '../../../trpc/init';
import { createPromoProcedure } from './create';
import { expirePromoProcedure } from './expire';
import { listPromosProcedure } from './list';
import { updatePromoProcedure } from './update';

export const vendorPromosRouter = router({
  list: listPromosProcedure,
  create: createPromoProcedure,
  update: updatePromoProcedure,
  expire: expirePromoProcedure,
});

import { inventoryResult, setInventoryInput } from '@pf/domain';
import { setInventory } from '../../../services/products/set-inventory';
import { catalogEditor } from './procedures';

export const setInventoryProcedure = catalogEditor
  .input(setInventoryInput)
  .output(inventoryResult)
  .mutation(({ ctx, input }) => setInventory(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

import { storeDto, updateStoreInput } from '@pf/domain';
import { getOwnStore, updateStore } from '../../services/store/profile';
import { storeProcedure } from '../../trpc/procedures';

export const getOwnStoreProcedure = storeProcedure({ capability: 'readStore' })
  .output(storeDto)
  .query(({ ctx }) => getOwnStore(ctx.deps, ctx.store));

export const updateOwnStoreProcedure = storeProcedure({ capability: 'manageStore' })
  .input(updateStoreInput)
  .output(storeDto)
  .mutation(({ ctx, input }) => updateStore(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

import { publicStoreDto, storeIdInput } from '@pf/domain';
import { getPublicStore } from '../../services/store/profile';
import { authedProcedure } from '../../trpc/procedures';

export const getPublicStoreProcedure = authedProcedure
  .input(storeIdInput)
  .output(publicStoreDto)
  .query(({ ctx, input }) => getPublicStore(ctx.deps, input.storeId));

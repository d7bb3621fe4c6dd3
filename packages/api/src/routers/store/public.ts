import { publicStoreDto, storeIdInput } from '@pf/domain';
import { getPublicStore } from '../../services/store/public-store';
import { storeProcedure } from '../../trpc/procedures';

/** A store as its storefront shows it, for the caller's own store or a vendor listed to it; else NOT_FOUND. */
export const getPublicStoreProcedure = storeProcedure({ capability: 'readStore' })
  .input(storeIdInput)
  .output(publicStoreDto)
  .query(({ ctx, input }) => getPublicStore(ctx.deps, ctx.store, input.storeId));

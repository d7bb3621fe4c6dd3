import { setMediaSlotInput, storeDto } from '@pf/domain';
import { setStoreImage } from '../../services/store/store-images';
import { storeProcedure } from '../../trpc/procedures';

const storeManager = storeProcedure({ capability: 'manageStore' });

/** `mediaId: null` clears the logo. */
export const setLogoProcedure = storeManager
  .input(setMediaSlotInput)
  .output(storeDto)
  .mutation(({ ctx, input }) => setStoreImage(ctx.deps, ctx.principal.userId, ctx.store, 'logo', input.mediaId, ctx));

/** `mediaId: null` clears the banner. */
export const setBannerProcedure = storeManager
  .input(setMediaSlotInput)
  .output(storeDto)
  .mutation(({ ctx, input }) => setStoreImage(ctx.deps, ctx.principal.userId, ctx.store, 'banner', input.mediaId, ctx));

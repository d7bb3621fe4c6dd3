import { avatarResult, setMediaSlotInput } from '@pf/domain';
import { setAvatar } from '../../services/auth/set-avatar';
import { storeProcedure } from '../../trpc/procedures';

/** The caller's own avatar; needs an active store because media belongs to a store. */
export const setAvatarProcedure = storeProcedure({ capability: 'readStore' })
  .input(setMediaSlotInput)
  .output(avatarResult)
  .mutation(({ ctx, input }) => setAvatar(ctx.deps, ctx.principal.userId, ctx.store, input.mediaId, ctx));

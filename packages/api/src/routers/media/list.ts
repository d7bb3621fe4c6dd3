import { listMediaInput, mediaPage } from '@pf/domain';
import { listMedia } from '../../services/media/list-media';
import { storeProcedure } from '../../trpc/procedures';

export const listMediaProcedure = storeProcedure({ capability: 'readStore' })
  .input(listMediaInput)
  .output(mediaPage)
  .query(({ ctx, input }) => listMedia(ctx.deps, ctx.store, input));

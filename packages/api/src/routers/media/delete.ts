import { deleteMediaResult, mediaIdInput } from '@pf/domain';
import { requestMediaDeletion } from '../../services/media/delete-media';
import { storeProcedure } from '../../trpc/procedures';

/** Refused (CONFLICT) while a license or ad uses the file; otherwise the worker removes it shortly. */
export const deleteMediaProcedure = storeProcedure({ capability: 'manageMedia' })
  .input(mediaIdInput)
  .output(deleteMediaResult)
  .mutation(({ ctx, input }) => requestMediaDeletion(ctx.deps, ctx.principal.userId, ctx.store, input.mediaId, ctx));

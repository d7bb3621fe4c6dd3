import { createUploadInput, createUploadResult } from '@pf/domain';
import { createUpload } from '../../services/media/create-upload';
import { storeProcedure } from '../../trpc/procedures';

/** A signed PUT URL for one file; the client sends the bytes straight to storage (DOMAIN §5.4). */
export const createUploadProcedure = storeProcedure({ capability: 'manageMedia' })
  .meta({ idempotency: '24h' })
  .input(createUploadInput)
  .output(createUploadResult)
  .mutation(({ ctx, input }) => createUpload(ctx.deps, ctx.principal.userId, ctx.store, input));

import { router } from '../../trpc/init';
import { createUploadProcedure } from './create-upload';
import { deleteMediaProcedure } from './delete';
import { listMediaProcedure } from './list';
import { getMediaProcedure, readUrlProcedure } from './read';

export const mediaRouter = router({
  createUpload: createUploadProcedure,
  list: listMediaProcedure,
  get: getMediaProcedure,
  readUrl: readUrlProcedure,
  delete: deleteMediaProcedure,
});

import { router } from '../../trpc/init';
import { createLicenseProcedure } from './create';
import { deleteLicenseProcedure } from './delete';
import { listLicensesProcedure } from './list';

export const licensesRouter = router({
  create: createLicenseProcedure,
  list: listLicensesProcedure,
  delete: deleteLicenseProcedure,
});

import { licensePage, listLicensesInput } from '@pf/domain';
import { listLicenses } from '../../services/licenses/list-licenses';
import { storeProcedure } from '../../trpc/procedures';

/** The active store's licenses, newest first, each with a short-lived link to its document. */
export const listLicensesProcedure = storeProcedure({ capability: 'readStore' })
  .input(listLicensesInput)
  .output(licensePage)
  .query(({ ctx, input }) => listLicenses(ctx.deps, ctx.store, input));

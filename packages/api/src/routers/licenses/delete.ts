import { deleteLicenseResult, licenseIdInput } from '@pf/domain';
import { deleteLicense } from '../../services/licenses/delete-license';
import { storeProcedure } from '../../trpc/procedures';

/** Remove a rejected or expired license (owners and managers). */
export const deleteLicenseProcedure = storeProcedure({ capability: 'deleteLicense' })
  .input(licenseIdInput)
  .output(deleteLicenseResult)
  .mutation(async ({ ctx, input }) => {
    await deleteLicense(ctx.deps, ctx.principal.userId, ctx.store, input.licenseId, ctx);
    return { deleted: true as const };
  });

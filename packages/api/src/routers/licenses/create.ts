import { createLicenseInput, licenseDto } from '@pf/domain';
import { createLicense } from '../../services/licenses/create-license';
import { storeProcedure } from '../../trpc/procedures';

/** Submit a license document for admin verification; a repeated Idempotency-Key replays the first answer. */
export const createLicenseProcedure = storeProcedure({ capability: 'submitLicense' })
  .meta({ idempotency: '24h' })
  .input(createLicenseInput)
  .output(licenseDto)
  .mutation(({ ctx, input }) => createLicense(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

import { createLicenseInput, type LicenseDto, licenseDto } from '@pf/domain';
import { createLicense } from '../../services/licenses/create-license';
import { getOwnLicense } from '../../services/licenses/get-own-license';
import type { ActiveStore } from '../../services/types';
import { storeProcedure } from '../../trpc/procedures';

/** Submit a license document for admin verification; a repeated Idempotency-Key replays the first answer. */
export const createLicenseProcedure = storeProcedure({ capability: 'submitLicense' })
  .meta({
    idempotency: '24h',
    // The stored answer holds a short-lived document link; a replay reads the license again for a fresh one.
    refreshOnReplay: (ctx, stored) => getOwnLicense(ctx.deps, ctx.store as ActiveStore, (stored as LicenseDto).id),
  })
  .input(createLicenseInput)
  .output(licenseDto)
  .mutation(({ ctx, input }) => createLicense(ctx.deps, ctx.principal.userId, ctx.store, input, ctx));

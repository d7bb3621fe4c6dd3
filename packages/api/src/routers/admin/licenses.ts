import { adminLicenseDto, adminLicensePage, decideLicenseInput, licenseIdInput, licenseQueueInput } from '@pf/domain';
import { getLicenseForAdmin, listLicenseQueue } from '../../services/licenses/admin-queue';
import { decideLicense } from '../../services/licenses/decide-license';
import { adminProcedure } from '../../trpc/procedures';

/** The verification queue: pending first-come first-served by default, with filters and search. */
export const licenseQueueProcedure = adminProcedure
  .input(licenseQueueInput)
  .output(adminLicensePage)
  .query(({ ctx, input }) => listLicenseQueue(ctx.deps, input));

export const getLicenseProcedure = adminProcedure
  .input(licenseIdInput)
  .output(adminLicenseDto)
  .query(({ ctx, input }) => getLicenseForAdmin(ctx.deps, input.licenseId));

/** Verify or reject a pending license; a second decision is a CONFLICT. */
export const decideLicenseProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(decideLicenseInput)
  .output(adminLicenseDto)
  .mutation(({ ctx, input }) => decideLicense(ctx.deps, ctx.principal.userId, input, ctx));

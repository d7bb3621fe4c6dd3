import {
  adminBillingStoreDto,
  adminBillingStoresInput,
  adminBillingStoresPage,
  setListingOverrideInput,
} from '@pf/domain';
import { listBillingStores, setListingOverride } from '../../../services/billing/admin-stores';
import { adminProcedure } from '../../../trpc/procedures';

/** Vendor stores with subscription status, listing flag and override. */
export const listBillingStoresProcedure = adminProcedure
  .input(adminBillingStoresInput)
  .output(adminBillingStoresPage)
  .query(({ ctx, input }) => listBillingStores(ctx.deps, input));

/** Lists or hides a vendor regardless of its subscription (or clears that), with a reason; audited. */
export const setListingOverrideProcedure = adminProcedure
  .meta({ idempotency: '24h' })
  .input(setListingOverrideInput)
  .output(adminBillingStoreDto)
  .mutation(({ ctx, input }) => setListingOverride(ctx.deps, ctx.principal.userId, input, ctx));

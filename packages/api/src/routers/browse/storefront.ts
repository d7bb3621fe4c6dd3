import { storefrontInput, storefrontResult } from '../../services/browse/contracts';
import { browseStorefront } from '../../services/browse/storefront';
import { storeProcedure } from '../../trpc/procedures';

/** One vendor's storefront with the same filters, plus who the vendor is. */
export const browseStorefrontProcedure = storeProcedure({ capability: 'readStore' })
  .input(storefrontInput)
  .output(storefrontResult)
  .query(({ ctx, input }) => browseStorefront(ctx.deps, ctx.store, input));

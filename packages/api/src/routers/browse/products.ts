import { browseProductsInput } from '@pf/domain';
import { browseProducts } from '../../services/browse/browse-products';
import { browseResult } from '../../services/browse/contracts';
import { storeProcedure } from '../../trpc/procedures';

/** The marketplace grid: buyers browse their state's listed products, vendors their own catalog. */
export const browseProductsProcedure = storeProcedure({ capability: 'readStore' })
  .input(browseProductsInput)
  .output(browseResult)
  .query(({ ctx, input }) => browseProducts(ctx.deps, ctx.store, input));

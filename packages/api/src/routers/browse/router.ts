import { router } from '../../trpc/init';
import { browseProductsProcedure } from './products';
import { browseStorefrontProcedure } from './storefront';

export const browseRouter = router({
  products: browseProductsProcedure,
  storefront: browseStorefrontProcedure,
});

import { router } from '../trpc/init';
import { createAdminRouter } from './admin/router';
import { authRouter } from './auth/router';
import { browseRouter } from './browse/router';
import { licensesRouter } from './licenses/router';
import { mediaRouter } from './media/router';
import { notificationsRouter } from './notifications/router';
import { productsRouter } from './products/router';
import { storeRouter } from './store/router';
import { pingProcedure, whoamiProcedure } from './system/whoami';
import { vendorProductsRouter } from './vendor/products/router';

export function createAppRouter({ devTools }: { devTools: boolean }) {
  return router({
    system: router({ ping: pingProcedure, whoami: whoamiProcedure }),
    auth: authRouter,
    store: storeRouter,
    admin: createAdminRouter({ devTools }),
    notifications: notificationsRouter,
    media: mediaRouter,
    vendorProducts: vendorProductsRouter,
    products: productsRouter,
    browse: browseRouter,
    licenses: licensesRouter,
  });
}

/** Typed with dev tools included; production simply lacks admin.auth.devRegister at run time. */
export type AppRouter = ReturnType<typeof createAppRouter>;

import { router } from '../trpc/init';
import { createAdminRouter } from './admin/router';
import { authRouter } from './auth/router';
import { billingRouter } from './billing/router';
import { browseRouter } from './browse/router';
import { cartRouter } from './buyer/cart/router';
import { checkoutRouter } from './buyer/checkout/router';
import { buyerOrdersRouter } from './buyer/orders/router';
import { licensesRouter } from './licenses/router';
import { mediaRouter } from './media/router';
import { notificationsRouter } from './notifications/router';
import { productsRouter } from './products/router';
import { storeRouter } from './store/router';
import { pingProcedure, whoamiProcedure } from './system/whoami';
import { vendorOrdersRouter } from './vendor/orders/router';
import { vendorProductsRouter } from './vendor/products/router';
import { vendorPromosRouter } from './vendor/promos/router';

export function createAppRouter({ devAdminRegister }: { devAdminRegister: boolean }) {
  return router({
    system: router({ ping: pingProcedure, whoami: whoamiProcedure }),
    auth: authRouter,
    store: storeRouter,
    admin: createAdminRouter({ devAdminRegister }),
    notifications: notificationsRouter,
    media: mediaRouter,
    vendorProducts: vendorProductsRouter,
    products: productsRouter,
    browse: browseRouter,
    licenses: licensesRouter,
    cart: cartRouter,
    checkout: checkoutRouter,
    vendorPromos: vendorPromosRouter,
    vendorOrders: vendorOrdersRouter,
    buyerOrders: buyerOrdersRouter,
    billing: billingRouter,
  });
}

/** Typed with the dev register included; without ENABLE_DEV_ADMIN_REGISTER it is simply absent at run time. */
export type AppRouter = ReturnType<typeof createAppRouter>;

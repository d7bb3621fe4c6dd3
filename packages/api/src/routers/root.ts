import { router } from '../trpc/init';
import { createAdminRouter } from './admin/router';
import { authRouter } from './auth/router';
import { notificationsRouter } from './notifications/router';
import { storeRouter } from './store/router';
import { pingProcedure, whoamiProcedure } from './system/whoami';

export function createAppRouter({ devTools }: { devTools: boolean }) {
  return router({
    system: router({ ping: pingProcedure, whoami: whoamiProcedure }),
    auth: authRouter,
    store: storeRouter,
    admin: createAdminRouter({ devTools }),
    notifications: notificationsRouter,
  });
}

/** Typed with dev tools included; production simply lacks admin.auth.devRegister at run time. */
export type AppRouter = ReturnType<typeof createAppRouter>;

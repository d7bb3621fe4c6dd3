import 'server-only';
import {
  type AppDeps,
  type AppRouter,
  createAppRouter,
  createCallerFactory,
  createContextFactory,
  createRuntime,
  handleStorageDownload,
  handleStorageUpload,
  loadConfig,
  type Runtime,
} from '@pf/api';

const callerFactoryFor = (router: AppRouter) => createCallerFactory(router);

/** The web process's composition root: one runtime per process (kept across dev hot reloads). */
interface WebRuntime {
  runtime: Runtime;
  deps: AppDeps;
  router: AppRouter;
  createContext: ReturnType<typeof createContextFactory>;
  createCaller: ReturnType<typeof callerFactoryFor>;
  /**
   * Handlers of the local storage routes, taken from the module graph that built the runtime: a route bundle
   * importing them itself may hold another copy of drizzle, whose transactions emit() would not recognise.
   */
  storageRoutes: { upload: typeof handleStorageUpload; download: typeof handleStorageDownload };
}

const globalStore = globalThis as typeof globalThis & { __pfWebRuntime?: Promise<WebRuntime> };

async function build(): Promise<WebRuntime> {
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config);
  const router = createAppRouter({ devTools: config.APP_ENV !== 'production' });
  return {
    runtime,
    deps: runtime.deps,
    router,
    createContext: createContextFactory(runtime.deps),
    createCaller: callerFactoryFor(router),
    storageRoutes: { upload: handleStorageUpload, download: handleStorageDownload },
  };
}

export function getWebRuntime(): Promise<WebRuntime> {
  globalStore.__pfWebRuntime ??= build().catch((error: unknown) => {
    globalStore.__pfWebRuntime = undefined;
    throw error;
  });
  return globalStore.__pfWebRuntime;
}

import 'server-only';
import {
  type AppDeps,
  type AppRouter,
  createAppRouter,
  createCallerFactory,
  createContextFactory,
  createRuntime,
  createTrpcHttpHandler,
  handleStorageDownload,
  handleStorageUpload,
  handleStripeWebhook,
  loadConfig,
  type Runtime,
  type TrpcHttpHandler,
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
  /** The /api/trpc endpoint (request ids, protocol refusals, error contract), from the same module graph. */
  trpc: TrpcHttpHandler;
  /** Same reason: the webhook handler writes outbox rows with emit(). */
  webhookRoutes: { stripe: typeof handleStripeWebhook };
}

const globalStore = globalThis as typeof globalThis & { __pfWebRuntime?: Promise<WebRuntime> };

async function build(): Promise<WebRuntime> {
  const config = loadConfig(process.env);
  const runtime = await createRuntime(config);
  const router = createAppRouter({ devAdminRegister: config.ENABLE_DEV_ADMIN_REGISTER });
  return {
    runtime,
    deps: runtime.deps,
    router,
    createContext: createContextFactory(runtime.deps),
    createCaller: callerFactoryFor(router),
    storageRoutes: { upload: handleStorageUpload, download: handleStorageDownload },
    trpc: createTrpcHttpHandler(runtime.deps, router),
    webhookRoutes: { stripe: handleStripeWebhook },
  };
}

export function getWebRuntime(): Promise<WebRuntime> {
  globalStore.__pfWebRuntime ??= build().catch((error: unknown) => {
    globalStore.__pfWebRuntime = undefined;
    throw error;
  });
  return globalStore.__pfWebRuntime;
}

export { type Config, ConfigError, loadConfig } from './config';
export { ALL_CRON_JOBS, type CronJob, type JobOutcome, runDueJobs } from './cron';
export type { AppDeps } from './deps';
export { liveness, metricsText, readiness } from './http/health';
export { handleMetricsRequest } from './http/metrics';
export { handleStorageDownload, handleStorageUpload } from './http/storage';
export { handleStripeWebhook, MAX_WEBHOOK_BYTES } from './http/stripe-webhook';
export {
  createTrpcHttpHandler,
  MAX_TRPC_BODY_BYTES,
  TRPC_ENDPOINT,
  type TrpcHttpHandler,
  trpcHttpOptions,
} from './http/trpc';
export { createLogger, withLogContext } from './logger';
export { ALL_LOOPS, type Loop, runLoops, selectLoops } from './loops';
export { type AppRouter, createAppRouter } from './routers/root';
export { REFRESH_HEADER, SESSION_HEADER, TOKEN_HEADER } from './routers/tokens';
export { authSecretFor, browserSessionSecretFor, createRuntime, type Runtime, type RuntimeOverrides } from './runtime';
export { adminLogin, login } from './services/auth/login';
export { logout, switchStore } from './services/auth/session-ops';
export { type Context, clientIp, createContextFactory, type RequestInput } from './trpc/context';
export { createCallerFactory } from './trpc/init';

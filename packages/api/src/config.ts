import { MAX_SIGNED_URL_SECONDS } from '@pf/adapters';
import { parseMailbox, TRPC_CLIENT_BATCH_ITEMS } from '@pf/domain';
import { z } from 'zod';
import { DISABLED, isValidTimezone, scheduleProblem } from './cron/schedule';
import type { LogFormat } from './logger';

const bool = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');
const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const optionalUrl = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional())
  .optional();
/** A cron expression (5 fields, or 6 with seconds) in CRON_TIMEZONE, or `off` to disable the job. */
const schedule = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .superRefine((value, ctx) => {
      const problem = scheduleProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `not a cron expression or "${DISABLED}": ${problem}` });
    });
/** Topic/subscription name prefix: Pub/Sub names start with a letter and use [A-Za-z0-9-_.~+%]. */
const pubsubPrefix = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9._~+%-]*$/, 'must start with a letter; letters, digits and - _ . ~ + % only')
  .default('packfinderz-');
/** Lifetime of a signed URL: GCS refuses V4 signatures valid longer than 7 days, so both adapters cap there. */
const signedUrlSeconds = (fallback: number) => int(fallback).pipe(z.number().max(MAX_SIGNED_URL_SECONDS));

/** Every setting the processes read; `.env.example` documents each one. */
export const configSchema = z
  .object({
    APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    REDIS_KEY_PREFIX: z.string().trim().min(1).default('pf:'),
    DATA_DIR: z.string().default('.data'),
    AUTO_MIGRATE: bool.optional(),
    AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    NEXTAUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    // Mounts admin.auth.devRegister (anyone may create a system admin): for local experiments only, never
    // production; the demo seed creates the admin instead.
    ENABLE_DEV_ADMIN_REGISTER: bool.default(false),
    // Proxies in front of the web server that append to X-Forwarded-For and are trusted to tell the truth.
    TRUSTED_PROXY_HOPS: int(0, 0),
    JWT_ISSUER: z.string().min(1).default('packfinderz'),
    JWT_AUDIENCE: z.string().min(1).default('packfinderz-api'),
    ACCESS_TOKEN_TTL_MINUTES: int(15),
    REFRESH_TOKEN_TTL_MINUTES: int(43_200),
    REFRESH_REUSE_GRACE_SECONDS: int(10, 0),
    ARGON2_MEMORY_KIB: int(19_456, 1024),
    ARGON2_TIME_COST: int(2),
    ARGON2_PARALLELISM: int(1),
    HASH_CONCURRENCY: int(2),
    HASH_QUEUE_MAX: int(32, 0),
    HASH_IN_FLIGHT_PER_IP: int(4),
    LOGIN_WINDOW_SECONDS: int(60),
    LOGIN_LIMIT_PER_IP: int(20),
    LOGIN_LIMIT_PER_EMAIL: int(5),
    REGISTER_WINDOW_SECONDS: int(300),
    REGISTER_LIMIT_PER_IP: int(20),
    REGISTER_LIMIT_PER_EMAIL: int(3),
    INVITE_WINDOW_SECONDS: int(3600),
    INVITE_LIMIT_PER_USER: int(30),
    INVITE_LIMIT_PER_EMAIL: int(5),
    WORKER_HEARTBEAT_SECONDS: int(30),
    EVENT_TRANSPORT: z.enum(['embedded', 'pubsub']).default('embedded'),
    PUBSUB_PROJECT_ID: z.string().trim().min(1).optional(),
    PUBSUB_TOPIC_PREFIX: pubsubPrefix,
    PUBSUB_SUBSCRIPTION_PREFIX: pubsubPrefix,
    // Per-batch costs (claim, publish, mark, commit) are paid once per batch: larger batches drain a backlog
    // faster, and light traffic makes small batches anyway (docs/events.md, Batch receive).
    OUTBOX_BATCH_SIZE: int(200),
    OUTBOX_POLL_INTERVAL_MS: int(500),
    OUTBOX_MAX_ATTEMPTS: int(10),
    EVENT_BACKOFF_CAP_MS: int(10_000),
    // Smaller than the dispatcher's: Pub/Sub leases a pulled batch while it is handled one by one.
    CONSUMER_BATCH_SIZE: int(100),
    CONSUMER_MAX_ATTEMPTS: int(10),
    CONSUMER_RETRY_BASE_MS: int(1000),
    RUN_WORKER_IN_WEB: bool.optional(),
    CRON_TICK_SECONDS: int(30),
    CRON_LOCK_TTL_SECONDS: int(3600),
    CRON_TIMEZONE: z.string().refine(isValidTimezone, 'must be an IANA time zone').default('UTC'),
    CRON_OUTBOX_RETENTION: schedule('0 3 * * *'),
    CRON_NOTIFICATION_RETENTION: schedule('10 3 * * *'),
    CRON_DLQ_RETENTION: schedule('20 3 * * *'),
    CRON_DELIVERY_RETENTION: schedule('30 3 * * *'),
    CRON_IDEMPOTENCY_RETENTION: schedule('5 * * * *'),
    CRON_LICENSE_LIFECYCLE: schedule('0 2 * * *'),
    CRON_PENDING_MEDIA_CLEANUP: schedule('40 3 * * *'),
    CRON_ORDER_TTL: schedule('15 * * * *'),
    OUTBOX_RETENTION_DAYS: int(30),
    NOTIFICATION_RETENTION_DAYS: int(30),
    DLQ_RETENTION_DAYS: int(30),
    DELIVERY_RETENTION_DAYS: int(30),
    CONSUMER_RECEIPT_RETENTION_DAYS: int(30),
    MAIL_TRANSPORT: z.enum(['log', 'sendgrid']).default('log'),
    SENDGRID_API_KEY: z.string().min(1).optional(),
    MAIL_FROM: z
      .string()
      .refine((value) => parseMailbox(value) !== null, 'must be "Name <address>" or an address')
      .default('PackFinderz <no-reply@packfinderz.local>'),
    APP_URL: z.url().default('http://localhost:3000'),
    STORAGE_DRIVER: z.enum(['local', 'gcs']).default('local'),
    STORAGE_ROOT: z.string().trim().min(1).optional(),
    STORAGE_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    GCS_BUCKET: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/, 'must be a Cloud Storage bucket name')
      .optional(),
    GCS_NOTIFICATION_SUBSCRIPTION: z.string().trim().min(1).optional(),
    UPLOAD_URL_TTL_SECONDS: signedUrlSeconds(1800),
    DOWNLOAD_URL_TTL_SECONDS: signedUrlSeconds(900),
    PUBLIC_DOWNLOAD_URL_TTL_SECONDS: signedUrlSeconds(86_400),
    METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
    METRICS_CACHE_SECONDS: int(5, 0),
    // The web client's batch link sends at most TRPC_CLIENT_BATCH_ITEMS calls: a lower cap would refuse the UI.
    TRPC_MAX_BATCH_SIZE: int(TRPC_CLIENT_BATCH_ITEMS).pipe(
      z
        .number()
        .min(TRPC_CLIENT_BATCH_ITEMS, `must be at least ${TRPC_CLIENT_BATCH_ITEMS}, the web client's batch size`),
    ),
    PAYMENTS_PROVIDER: z.enum(['stripe', 'simulated']).default('simulated'),
    STRIPE_SECRET_KEY: z
      .string()
      .trim()
      .regex(/^(sk|rk)_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key (sk_test_…, sk_live_… or rk_…)')
      .optional(),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .trim()
      .regex(/^whsec_[A-Za-z0-9_+/=]+$/, 'must be a webhook signing secret (whsec_…)')
      .optional(),
    /** Points the Stripe SDK at another API host (a local stripe-mock); unset = api.stripe.com. */
    STRIPE_API_BASE_URL: optionalUrl,
    STRIPE_WEBHOOK_TOLERANCE_SECONDS: int(300),
    BILLING_GRACE_DAYS: int(7, 0),
    CRON_SUBSCRIPTION_RECONCILE: schedule('*/15 * * * *'),
  })
  .superRefine((config, ctx) => {
    if (config.REFRESH_TOKEN_TTL_MINUTES <= config.ACCESS_TOKEN_TTL_MINUTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['REFRESH_TOKEN_TTL_MINUTES'],
        message: 'must be greater than ACCESS_TOKEN_TTL_MINUTES',
      });
    }
    if (config.MAIL_TRANSPORT === 'sendgrid' && !config.SENDGRID_API_KEY) {
      ctx.addIssue({ code: 'custom', path: ['SENDGRID_API_KEY'], message: 'is required when MAIL_TRANSPORT=sendgrid' });
    }
    if (config.EVENT_TRANSPORT === 'pubsub') {
      for (const key of ['PUBSUB_PROJECT_ID', 'PUBSUB_TOPIC_PREFIX', 'PUBSUB_SUBSCRIPTION_PREFIX'] as const) {
        if (!config[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when EVENT_TRANSPORT=pubsub' });
        }
      }
    }
    if (config.STORAGE_DRIVER === 'gcs') {
      for (const key of ['GCS_BUCKET', 'GCS_NOTIFICATION_SUBSCRIPTION', 'PUBSUB_PROJECT_ID'] as const) {
        if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when STORAGE_DRIVER=gcs' });
      }
    }
    // Local storage URLs are signed by the web app; a derived key would change whenever AUTH_SECRET rotates.
    if (config.APP_ENV === 'production' && config.STORAGE_DRIVER === 'local' && !config.STORAGE_SIGNING_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['STORAGE_SIGNING_SECRET'], message: 'is required in production' });
    }
    // Without the webhook secret no payment would ever reach the database: nobody could be listed.
    if (config.PAYMENTS_PROVIDER === 'stripe') {
      for (const key of ['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET'] as const) {
        if (!config[key])
          ctx.addIssue({ code: 'custom', path: [key], message: 'is required when PAYMENTS_PROVIDER=stripe' });
      }
    }
    if (config.APP_ENV === 'production') {
      for (const key of ['DATABASE_URL', 'REDIS_URL', 'AUTH_SECRET'] as const) {
        if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
      if (config.ENABLE_DEV_ADMIN_REGISTER) {
        ctx.addIssue({
          code: 'custom',
          path: ['ENABLE_DEV_ADMIN_REGISTER'],
          message: 'must not be enabled in production (it lets anyone create a system admin)',
        });
      }
    }
  });

export type Config = z.infer<typeof configSchema> & {
  /** Embedded = no DATABASE_URL: PGlite + in-process KV, worker loops inside the web process. */
  embedded: boolean;
  autoMigrate: boolean;
  runWorkerInWeb: boolean;
  /** Readable lines in development, JSON everywhere else unless LOG_FORMAT says otherwise. */
  logFormat: LogFormat;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses settings once at start-up; every bad key is named so an operator can fix them all at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const embedded = !parsed.data.DATABASE_URL;
  return {
    ...parsed.data,
    embedded,
    autoMigrate: parsed.data.AUTO_MIGRATE ?? (embedded || parsed.data.APP_ENV === 'development'),
    runWorkerInWeb: parsed.data.RUN_WORKER_IN_WEB ?? embedded,
    logFormat: parsed.data.LOG_FORMAT ?? (parsed.data.APP_ENV === 'development' ? 'pretty' : 'json'),
  };
}

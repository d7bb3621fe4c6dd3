import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  createEmbeddedTransport,
  createLogMailSender,
  createMemoryKeyValueStore,
  createRedisKeyValueStore,
  createSendGridMailSender,
} from '@pf/adapters';
import { createPgliteDb, createPostgresDb, type DbHandle } from '@pf/db';
import {
  type Clock,
  type EventTransport,
  type KeyValueStore,
  type MailSender,
  type ObjectStorage,
  type PaymentsProvider,
  systemClock,
} from '@pf/domain';
import { createArgon2Hasher } from './auth/passwords';
import { createAuthRateLimiter, type RatePolicy } from './auth/rate-limit';
import { createSessionStore } from './auth/sessions';
import { createTokenService } from './auth/tokens';
import type { Config } from './config';
import { ALL_CONSUMERS } from './consumers';
import type { AppDeps } from './deps';
import { bindingFor } from './events/consumer';
import { registerEventingGauges } from './events/gauges';
import { createNotifier } from './events/notifier';
import { createPubSubTransportFromConfig } from './events/pubsub';
import { handleStripeWebhook } from './http/stripe-webhook';
import { createLogger, type Logger } from './logger';
import { createMetrics } from './metrics';
import { createPaymentsFromConfig, stripeWebhookSecretFor } from './payments';
import { createObjectStorageFromConfig } from './storage';

export interface Runtime {
  deps: AppDeps;
  dbHandle: DbHandle;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  dbHandle?: DbHandle;
  kv?: KeyValueStore;
  clock?: Clock;
  logger?: Logger;
  transport?: EventTransport;
  mail?: MailSender;
  storage?: ObjectStorage;
  payments?: PaymentsProvider;
}

/**
 * The embedded mode has no secret store: generate one on first start and keep it under DATA_DIR, so
 * sessions survive restarts without anyone configuring anything.
 */
function embeddedSecret(dataDir: string): string {
  const file = join(dataDir, 'auth-secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/** The log-only sender unless SendGrid is configured (config guarantees its key is then present). */
function mailSenderFor(config: Config, logger: Logger): MailSender {
  if (config.MAIL_TRANSPORT === 'sendgrid' && config.SENDGRID_API_KEY) {
    return createSendGridMailSender({ apiKey: config.SENDGRID_API_KEY, from: config.MAIL_FROM });
  }
  return createLogMailSender(logger);
}

export const authSecretFor = (config: Config) => config.AUTH_SECRET ?? embeddedSecret(resolve(config.DATA_DIR));

/** Encrypts the next-auth browser session cookie: NEXTAUTH_SECRET when set, else the auth secret. */
export const browserSessionSecretFor = (config: Config) => config.NEXTAUTH_SECRET ?? authSecretFor(config);

/** Builds every dependency from validated config: the one place adapters are chosen. */
export async function createRuntime(config: Config, overrides: RuntimeOverrides = {}): Promise<Runtime> {
  const logger = overrides.logger ?? createLogger(config.LOG_LEVEL, { format: config.logFormat });
  const clock = overrides.clock ?? systemClock;
  const dbHandle =
    overrides.dbHandle ??
    (config.DATABASE_URL
      ? createPostgresDb({ url: config.DATABASE_URL })
      : createPgliteDb(join(resolve(config.DATA_DIR), 'pglite')));
  if (config.autoMigrate && !overrides.dbHandle) {
    await dbHandle.migrate();
    logger.info({ database: dbHandle.kind }, 'migrations applied');
  }
  const kv =
    overrides.kv ??
    (config.REDIS_URL
      ? createRedisKeyValueStore(config.REDIS_URL, config.REDIS_KEY_PREFIX)
      : createMemoryKeyValueStore(clock));
  const window = (name: RatePolicy['name'], seconds: number, limits: RatePolicy['limits']): RatePolicy => ({
    name,
    windowMs: seconds * 1000,
    limits,
  });
  const deps: AppDeps = {
    config,
    db: dbHandle.db,
    kv,
    clock,
    logger,
    hasher: createArgon2Hasher({
      memoryKiB: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
      parallelism: config.ARGON2_PARALLELISM,
      concurrency: config.HASH_CONCURRENCY,
      maxQueued: config.HASH_QUEUE_MAX,
      maxPerClient: config.HASH_IN_FLIGHT_PER_IP,
    }),
    tokens: createTokenService(
      {
        secret: authSecretFor(config),
        issuer: config.JWT_ISSUER,
        audience: config.JWT_AUDIENCE,
        accessTtlSeconds: config.ACCESS_TOKEN_TTL_MINUTES * 60,
      },
      clock,
    ),
    sessions: createSessionStore(
      kv,
      config.REFRESH_TOKEN_TTL_MINUTES * 60_000,
      clock,
      config.REFRESH_REUSE_GRACE_SECONDS * 1000,
    ),
    rateLimit: createAuthRateLimiter(kv),
    policies: {
      login: window('login', config.LOGIN_WINDOW_SECONDS, {
        ip: config.LOGIN_LIMIT_PER_IP,
        email: config.LOGIN_LIMIT_PER_EMAIL,
      }),
      register: window('register', config.REGISTER_WINDOW_SECONDS, {
        ip: config.REGISTER_LIMIT_PER_IP,
        email: config.REGISTER_LIMIT_PER_EMAIL,
      }),
      // Invites create accounts (one Argon2 hash each) and send mail: counted per inviter and per invitee.
      invite: window('invite', config.INVITE_WINDOW_SECONDS, {
        user: config.INVITE_LIMIT_PER_USER,
        email: config.INVITE_LIMIT_PER_EMAIL,
      }),
    },
    metrics: createMetrics(),
    transport:
      overrides.transport ??
      (config.EVENT_TRANSPORT === 'pubsub'
        ? await createPubSubTransportFromConfig(config, ALL_CONSUMERS, logger)
        : createEmbeddedTransport(dbHandle.db, ALL_CONSUMERS.map(bindingFor))),
    mail: overrides.mail ?? mailSenderFor(config, logger),
    storage: overrides.storage ?? createObjectStorageFromConfig(config, clock, authSecretFor(config)),
    // Filled in below: the simulated provider delivers its webhooks through deps, which must exist first.
    payments: undefined as unknown as PaymentsProvider,
    stripeWebhookSecret: stripeWebhookSecretFor(config, authSecretFor(config)),
    notifier: createNotifier(dbHandle),
    eventing: {
      batchSize: config.OUTBOX_BATCH_SIZE,
      pollMs: config.OUTBOX_POLL_INTERVAL_MS,
      maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
      backoffCapMs: config.EVENT_BACKOFF_CAP_MS,
      consumerBatchSize: config.CONSUMER_BATCH_SIZE,
      consumerMaxAttempts: config.CONSUMER_MAX_ATTEMPTS,
      consumerRetryBaseMs: config.CONSUMER_RETRY_BASE_MS,
    },
    fingerprintKey: createHash('sha256')
      .update(`idempotency:${authSecretFor(config)}`)
      .digest('hex'),
  };
  deps.payments =
    overrides.payments ??
    createPaymentsFromConfig(config, {
      db: dbHandle.db,
      clock,
      authSecret: authSecretFor(config),
      // The simulated provider posts Stripe-signed events to the same handler as /api/webhooks/stripe.
      deliver: async (payload, signature) => {
        const response = await handleStripeWebhook(
          deps,
          new Request(new URL('/api/webhooks/stripe', config.APP_URL), {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'stripe-signature': signature },
            body: payload,
          }),
        );
        if (!response.ok)
          throw new Error(`webhook refused the simulated delivery: ${response.status} ${await response.text()}`);
      },
    });
  if (config.APP_ENV === 'production' && config.PAYMENTS_PROVIDER === 'simulated') {
    logger.warn('PAYMENTS_PROVIDER=simulated in production: vendors can subscribe without paying');
  }
  registerEventingGauges(
    deps,
    ALL_CONSUMERS.map((consumer) => consumer.name),
    { consumerLag: config.EVENT_TRANSPORT === 'embedded', cacheMs: config.METRICS_CACHE_SECONDS * 1000 },
  );
  return {
    deps,
    dbHandle,
    async close() {
      await deps.transport.close();
      await kv.close();
      await dbHandle.close();
    },
  };
}

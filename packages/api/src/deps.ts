import type { Database } from '@pf/db';
import type { Clock, EventTransport, KeyValueStore, MailSender, ObjectStorage, PaymentsProvider } from '@pf/domain';
import type { MeteredHasher } from './auth/passwords';
import type { AuthRateLimiter, RatePolicy } from './auth/rate-limit';
import type { SessionStore } from './auth/sessions';
import type { TokenService } from './auth/tokens';
import type { Config } from './config';
import type { Notifier } from './events/notifier';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** Everything a service may touch, built once per process by the composition root. */
export interface AppDeps {
  config: Config;
  db: Database;
  kv: KeyValueStore;
  clock: Clock;
  logger: Logger;
  hasher: MeteredHasher;
  tokens: TokenService;
  sessions: SessionStore;
  rateLimit: AuthRateLimiter;
  policies: Record<RatePolicy['name'], RatePolicy>;
  metrics: Metrics;
  transport: EventTransport;
  /** Outgoing email (MAIL_TRANSPORT). Send from consumers via the outbox, never inside a request transaction. */
  mail: MailSender;
  /** Object storage (STORAGE_DRIVER): signs upload/read URLs, deletes objects. The API never proxies bytes. */
  storage: ObjectStorage;
  /** Vendor subscriptions (PAYMENTS_PROVIDER): Stripe, or the simulated provider of the embedded mode. */
  payments: PaymentsProvider;
  /** The secret `/api/webhooks/stripe` verifies signatures with. */
  stripeWebhookSecret: string;
  /** Wakes loops when Postgres signals new outbox rows or deliveries. */
  notifier: Notifier;
  eventing: {
    batchSize: number;
    pollMs: number;
    maxAttempts: number;
    backoffCapMs: number;
    consumerBatchSize: number;
    consumerMaxAttempts: number;
    consumerRetryBaseMs: number;
  };
  /** HMAC key for request fingerprints stored with idempotency keys. */
  fingerprintKey: string;
  /**
   * Fault injection for crash tests (test/idempotency-crash.test.ts runs a server process that SIGKILLs itself
   * here). The composition root never sets it.
   */
  faults?: {
    /** Called inside the idempotent transaction just before its commit, and right after the commit. */
    atIdempotentCommit?(moment: 'before' | 'after'): void | Promise<void>;
  };
}

import type { Database } from '@pf/db';
import type { Clock, EventTransport, KeyValueStore, MailSender, ObjectStorage } from '@pf/domain';
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
  policies: { login: RatePolicy; register: RatePolicy };
  metrics: Metrics;
  transport: EventTransport;
  /** Outgoing email (MAIL_TRANSPORT). Send from consumers via the outbox, never inside a request transaction. */
  mail: MailSender;
  /** Object storage (STORAGE_DRIVER): signs upload/read URLs, deletes objects. The API never proxies bytes. */
  storage: ObjectStorage;
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
}

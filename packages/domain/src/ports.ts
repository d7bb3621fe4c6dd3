/** Ports the application depends on; adapters implement them (ARCHITECTURE §2). */

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** The slice of Redis the app uses. Everything in it is ephemeral (sessions, rate limits, caches). */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  /** Returns false when `onlyIfAbsent` is set and the key already exists. */
  set(key: string, value: string, options?: { ttlMs?: number; onlyIfAbsent?: boolean }): Promise<boolean>;
  delete(...keys: string[]): Promise<number>;
  /** Deletes the key only while it still holds `value` (atomically): releases a lock only by its owner. */
  deleteIfValue(key: string, value: string): Promise<boolean>;
  /** INCR, setting the expiry only on the first hit of the window (fixed-window rate limiting). */
  incrementInWindow(key: string, windowMs: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(encoded: string, password: string): Promise<boolean>;
}

/** One event as it travels over a transport (DOMAIN §6.2 attributes + envelope body). */
export interface TransportMessage {
  eventId: string;
  eventType: string;
  aggregateType: string;
  aggregateId: string;
  /** Ordering key: the aggregate id, so one aggregate's events arrive in order where the transport can. */
  orderingKey: string;
  /** Outbox row creation time, RFC 3339. */
  createdAt: string;
  body: Record<string, unknown>;
}

export interface ReceivedMessage extends TransportMessage {
  /** 1 on first delivery. */
  attempt: number;
}

export type DeliveryOutcome =
  | { kind: 'ack' }
  | { kind: 'retry'; delayMs: number; error: string }
  | { kind: 'dead_letter'; reason: 'handler_failed' | 'unknown_version' | 'non_retryable'; error: string };

/** Processes a claimed batch; returns one outcome per message, in the order given. */
export type BatchProcessor = (messages: ReceivedMessage[], tx?: unknown) => Promise<DeliveryOutcome[]>;

/**
 * Event transport (Pub/Sub in the cloud, Postgres-backed when embedded). `publish` may be handed the
 * dispatcher's open transaction: a Postgres-backed transport then writes in it, so marking the outbox row
 * published and delivering it commit together.
 */
export interface EventTransport {
  publish(topic: string, messages: TransportMessage[], tx?: unknown): Promise<void>;
  /**
   * Delivers up to `max` ready messages of a subscription to `process`, applying each outcome. Returns
   * how many were processed. `process` receives the transport's transaction when it has one.
   */
  receive(
    subscription: string,
    max: number,
    process: (message: ReceivedMessage, tx?: unknown) => Promise<DeliveryOutcome>,
  ): Promise<number>;
  /**
   * Optional (the embedded transport has it, Pub/Sub does not): claims up to `max` ready messages and hands
   * them to `process` at once, inside the transport's transaction, then applies the returned outcomes (one per
   * message, in order) in bulk. Lets a consumer pay per-transaction costs once per batch instead of per message.
   */
  receiveBatch?(subscription: string, max: number, process: BatchProcessor): Promise<number>;
  close(): Promise<void>;
}

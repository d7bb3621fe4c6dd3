/** Stable error codes (DOMAIN §10.2). The HTTP status is what a REST client would see; tRPC maps it. */
export const ERROR_CODES = {
  VALIDATION_ERROR: { http: 400, retryable: false },
  UNAUTHORIZED: { http: 401, retryable: false },
  FORBIDDEN: { http: 403, retryable: false },
  NOT_FOUND: { http: 404, retryable: false },
  /** An HTTP method the endpoint does not take (e.g. GET on a mutation, PUT on the API). */
  METHOD_NOT_ALLOWED: { http: 405, retryable: false },
  CONFLICT: { http: 409, retryable: false },
  IDEMPOTENCY_KEY_REUSED: { http: 409, retryable: false },
  IDEMPOTENCY_IN_PROGRESS: { http: 409, retryable: true },
  STATE_CONFLICT: { http: 422, retryable: false },
  /** The cart's quote is past `validUntil`: re-quote, then check out. */
  QUOTE_EXPIRED: { http: 409, retryable: false },
  PAYLOAD_TOO_LARGE: { http: 413, retryable: false },
  UNSUPPORTED_MEDIA_TYPE: { http: 415, retryable: false },
  /** One HTTP request batched more procedure calls than TRPC_MAX_BATCH_SIZE allows. */
  BATCH_TOO_LARGE: { http: 413, retryable: false },
  /** The stored bytes are not the kind of file that was declared (sniffed from their first bytes). */
  MEDIA_CONTENT_MISMATCH: { http: 415, retryable: false },
  SIGNATURE_INVALID: { http: 403, retryable: false },
  SIGNATURE_EXPIRED: { http: 403, retryable: false },
  RATE_LIMIT_EXCEEDED: { http: 429, retryable: true },
  /** A bug: anything unexpected. Only real dependency failures are DEPENDENCY_ERROR. */
  INTERNAL_ERROR: { http: 500, retryable: true },
  DEPENDENCY_ERROR: { http: 503, retryable: true },
  OVERLOADED: { http: 503, retryable: true },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface Violation {
  path: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly violations: Violation[] | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    extra: { details?: Record<string, unknown>; violations?: Violation[]; cause?: unknown } = {},
  ) {
    super(message, { cause: extra.cause });
    this.name = 'AppError';
    this.code = code;
    this.details = extra.details;
    this.violations = extra.violations;
  }

  get httpStatus(): number {
    return ERROR_CODES[this.code].http;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

/** Messages used in more than one place, so a client can rely on them. */
export const MESSAGES = {
  invalidCredentials: 'Invalid email or password.',
  sessionUnavailable: 'Your session has ended. Sign in again.',
  noActiveStore: 'Choose a store to continue.',
  lastOwner: 'A store must keep at least one owner.',
} as const;

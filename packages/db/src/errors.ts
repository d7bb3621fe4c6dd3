import { AppError } from '@pf/domain';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  column?: string;
  column_name?: string;
}

interface Chained {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The error and what it wraps: `cause` chains and AggregateError members (postgres-js tries each address). */
function* chainOf(error: unknown, depth = 0): Generator<Chained> {
  if (!error || typeof error !== 'object' || depth > 4) return;
  const current = error as Chained;
  yield current;
  yield* chainOf(current.cause, depth + 1);
  if (Array.isArray(current.errors)) for (const member of current.errors) yield* chainOf(member, depth + 1);
}

const pgErrorOf = (error: unknown): PgErrorLike | undefined => {
  for (const candidate of chainOf(error)) {
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PgErrorLike;
  }
  return undefined;
};

/**
 * Socket and driver codes of a dependency that cannot be reached or went away mid-request: Node's network
 * errors, undici's (fetch) and postgres-js's own connection codes.
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);

/**
 * SQLSTATEs where the server, not the statement, is the problem, so the same request can succeed later:
 * connection exceptions (class 08), insufficient resources (53), operator intervention (57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now), statement timeout (57014), and transaction conflicts that
 * only a retry resolves (40001 serialization failure, 40P01 deadlock, 55P03 lock not available).
 */
const isTransientSqlState = (code: string) =>
  code.startsWith('08') ||
  code.startsWith('53') ||
  ['57P01', '57P02', '57P03', '57014', '40001', '40P01', '55P03'].includes(code);

/** A dependency was unreachable or failed transiently (answer 503, retry later), as opposed to a bug. */
export function isConnectionFailure(error: unknown): boolean {
  for (const candidate of chainOf(error)) {
    if (typeof candidate.code === 'string' && CONNECTION_CODES.has(candidate.code)) return true;
  }
  return false;
}

/**
 * Maps Postgres errors to the error contract (DOMAIN §10.2): constraint and format violations are the caller's,
 * an unreachable or overloaded database is a DEPENDENCY_ERROR, and anything else is a bug: INTERNAL_ERROR.
 */
export function mapDatabaseError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const pg = pgErrorOf(error);
  const constraint = pg?.constraint ?? pg?.constraint_name;
  switch (pg?.code) {
    case '23505':
      return new AppError('CONFLICT', 'That record already exists.', { details: { constraint }, cause: error });
    case '23503':
      return new AppError('VALIDATION_ERROR', 'invalid reference', { details: { constraint }, cause: error });
    case '23502':
      return new AppError('VALIDATION_ERROR', 'a required value is missing', {
        details: { column: pg.column ?? pg.column_name },
        cause: error,
      });
    case '22P02':
    case '23514':
      return new AppError('VALIDATION_ERROR', 'a value is invalid', { details: { constraint }, cause: error });
  }
  if ((pg?.code && isTransientSqlState(pg.code)) || isConnectionFailure(error)) {
    return new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
  }
  return new AppError('INTERNAL_ERROR', 'internal server error', { cause: error });
}

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' && (!constraint || (pg.constraint ?? pg.constraint_name) === constraint);
};

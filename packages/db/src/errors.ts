import { AppError } from '@pf/domain';

interface PgErrorLike {
  code?: string;
  constraint?: string;
  constraint_name?: string;
  column?: string;
  column_name?: string;
}

const pgErrorOf = (error: unknown): PgErrorLike | undefined => {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    const candidate = current as PgErrorLike & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
};

/** Maps Postgres errors to the error contract (DOMAIN §10.2); anything unknown is a dependency failure. */
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
    default:
      return new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
  }
}

export const isUniqueViolation = (error: unknown, constraint?: string): boolean => {
  const pg = pgErrorOf(error);
  return pg?.code === '23505' && (!constraint || (pg.constraint ?? pg.constraint_name) === constraint);
};

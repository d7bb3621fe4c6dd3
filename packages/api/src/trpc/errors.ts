import { mapDatabaseError } from '@pf/db';
import { AppError, type ErrorCode, type Violation } from '@pf/domain';
import { TRPCError } from '@trpc/server';
import { type TRPC_ERROR_CODE_KEY, TRPC_ERROR_CODES_BY_KEY } from '@trpc/server/rpc';
import { isRedisFailure } from './redis-failure';

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_ERROR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_SUPPORTED',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  IDEMPOTENCY_IN_PROGRESS: 'CONFLICT',
  STATE_CONFLICT: 'UNPROCESSABLE_CONTENT',
  QUOTE_EXPIRED: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  BATCH_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  MEDIA_CONTENT_MISMATCH: 'UNSUPPORTED_MEDIA_TYPE',
  SIGNATURE_INVALID: 'FORBIDDEN',
  SIGNATURE_EXPIRED: 'FORBIDDEN',
  RATE_LIMIT_EXCEEDED: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
  DEPENDENCY_ERROR: 'SERVICE_UNAVAILABLE',
  OVERLOADED: 'SERVICE_UNAVAILABLE',
};

/** What tRPC's fetch adapter throws for a batch over `maxBatchSize` (see http/trpc.ts); no code of its own. */
const TRPC_BATCH_TOO_LARGE = 'Batch call exceeds maximum size';

interface IssueLike {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  code?: string;
  message: string;
  /** zod's `unrecognized_keys` issue names the unknown fields here, with the path of their parent object. */
  keys?: readonly string[];
}

const hasIssues = (value: unknown): value is { issues: IssueLike[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { issues?: unknown }).issues);

const joinPath = (path: IssueLike['path']) =>
  (path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');

/** One violation per offending field; an unknown field is reported at its own path, not its parent's. */
export const violationsFromIssues = (issues: IssueLike[]): Violation[] =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys' && issue.keys?.length
      ? issue.keys.map((key) => ({
          path: joinPath([...(issue.path ?? []), key]),
          code: 'unrecognized_keys',
          message: 'is not a known field',
        }))
      : [{ path: joinPath(issue.path), code: issue.code ?? 'invalid', message: issue.message }],
  );

const isTrpcError = (error: unknown): error is TRPCError =>
  error instanceof TRPCError ||
  (error instanceof Error && error.name === 'TRPCError' && typeof (error as { code?: unknown }).code === 'string');

/** What tRPC itself refuses before or around a procedure (bad body, unknown path, wrong method or type). */
function protocolErrorOf(error: TRPCError): AppError | null {
  switch (error.code) {
    case 'BAD_REQUEST':
    case 'PARSE_ERROR':
      return hasIssues(error.cause)
        ? new AppError('VALIDATION_ERROR', 'validation failed', {
            violations: violationsFromIssues(error.cause.issues),
          })
        : new AppError('VALIDATION_ERROR', error.message || 'invalid request');
    case 'NOT_FOUND':
      return new AppError('NOT_FOUND', error.message);
    case 'METHOD_NOT_SUPPORTED':
      return new AppError('METHOD_NOT_ALLOWED', error.message);
    case 'UNSUPPORTED_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', error.message);
    case 'PAYLOAD_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', error.message);
    default:
      return null;
  }
}

/**
 * Turns anything thrown into an AppError with a stable code: the caller's mistakes are 4xx, an unreachable
 * database or Redis is DEPENDENCY_ERROR (503), and everything else is a bug, INTERNAL_ERROR (500).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Checked by shape, not instanceof: a bundler may load two copies of @trpc/server (seen in the Next build).
  if (isTrpcError(error)) {
    if (error.cause instanceof AppError) return error.cause;
    if (error.code === 'BAD_REQUEST' && error.message === TRPC_BATCH_TOO_LARGE) {
      return new AppError('BATCH_TOO_LARGE', 'This request batches too many calls. Send fewer calls per request.');
    }
    const protocol = protocolErrorOf(error);
    if (protocol) return protocol;
  }
  if (isRedisFailure(error)) return new AppError('DEPENDENCY_ERROR', 'dependency unavailable', { cause: error });
  return mapDatabaseError(error);
}

export const toTrpcError = (error: AppError) =>
  new TRPCError({ code: TRPC_CODE[error.code], message: error.message, cause: error });

/** Internal and dependency failures get a generic message; details only where the contract allows. */
export function publicErrorData(error: AppError) {
  const internal = error.code === 'INTERNAL_ERROR' || error.code === 'DEPENDENCY_ERROR';
  return {
    code: error.code,
    message: internal
      ? error.code === 'INTERNAL_ERROR'
        ? 'internal server error'
        : 'dependency unavailable'
      : error.message,
    violations: error.violations ?? [],
    details: internal ? undefined : error.details,
  };
}

/** The `error.data` every tRPC error answer carries (the formatter and the HTTP handler's own refusals). */
export function errorShapeOf(error: AppError, requestId: string | undefined, path: string | undefined) {
  const data = publicErrorData(error);
  return {
    message: data.message,
    code: TRPC_ERROR_CODES_BY_KEY[TRPC_CODE[error.code]],
    data: {
      code: data.code,
      httpStatus: error.httpStatus,
      violations: data.violations,
      details: data.details,
      requestId,
      path,
    },
  };
}

/** The error that started it, under our own wrappers (AppError, TRPCError), so its stack is what gets logged. */
export function originalErrorOf(error: unknown): unknown {
  let current = error;
  for (let depth = 0; depth < 5; depth++) {
    const wrapper = current instanceof AppError || isTrpcError(current);
    if (!wrapper || !(current as Error).cause) break;
    current = (current as Error).cause;
  }
  return current;
}

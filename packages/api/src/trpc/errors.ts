import { mapDatabaseError } from '@pf/db';
import { AppError, type ErrorCode, type Violation } from '@pf/domain';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/unstable-core-do-not-import';

const TRPC_CODE: Record<ErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_ERROR: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  IDEMPOTENCY_KEY_REUSED: 'CONFLICT',
  IDEMPOTENCY_IN_PROGRESS: 'CONFLICT',
  STATE_CONFLICT: 'UNPROCESSABLE_CONTENT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  SIGNATURE_INVALID: 'FORBIDDEN',
  SIGNATURE_EXPIRED: 'FORBIDDEN',
  RATE_LIMIT_EXCEEDED: 'TOO_MANY_REQUESTS',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
  DEPENDENCY_ERROR: 'SERVICE_UNAVAILABLE',
  OVERLOADED: 'SERVICE_UNAVAILABLE',
};

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

/** Turns anything thrown below a procedure into an AppError with a stable code. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  // Checked by shape, not instanceof: a bundler may load two copies of @trpc/server (seen in the Next build).
  if (isTrpcError(error)) {
    if (error.cause instanceof AppError) return error.cause;
    if (error.code === 'BAD_REQUEST' && hasIssues(error.cause)) {
      return new AppError('VALIDATION_ERROR', 'validation failed', {
        violations: violationsFromIssues(error.cause.issues),
      });
    }
    if (error.code === 'BAD_REQUEST' || error.code === 'PARSE_ERROR') {
      return new AppError('VALIDATION_ERROR', error.message || 'invalid request');
    }
    if (error.code === 'NOT_FOUND' || error.code === 'METHOD_NOT_SUPPORTED') {
      return new AppError('NOT_FOUND', error.message);
    }
  }
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

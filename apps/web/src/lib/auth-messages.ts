import { ERROR_CODES } from '@pf/domain';

/**
 * The stable code of an error a sign-in threw, or INTERNAL_ERROR. Read by shape, not `instanceof AppError`: the
 * auth route's bundle holds its own copy of @pf/domain, while errors raised inside the shared runtime (its rate
 * limiter, the hasher's per-client share) come from another copy, and were all reported as INTERNAL_ERROR.
 */
export function signInErrorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && error.name === 'AppError' && typeof code === 'string' && code in ERROR_CODES
    ? code
    : 'INTERNAL_ERROR';
}

/** Sign-in errors as sentences; the codes come from the API's error contract. */
export function signInMessage(code: string | null | undefined): string {
  switch (code) {
    case 'UNAUTHORIZED':
    case 'CredentialsSignin':
      return 'That email and password do not match an account.';
    case 'RATE_LIMIT_EXCEEDED':
      return 'Too many sign-in attempts. Wait a minute and try again.';
    case 'OVERLOADED':
      return 'Sign-in is busy right now. Try again in a moment.';
    case 'VALIDATION_ERROR':
      return 'Enter a valid email and your password.';
    default:
      return 'We could not sign you in. Please try again.';
  }
}

/** The email and password were refused (as opposed to a rate limit or an outage). */
export const isCredentialsRefusal = (code: string | null | undefined): boolean =>
  code === 'UNAUTHORIZED' || code === 'CredentialsSignin';

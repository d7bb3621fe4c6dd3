import { AppError } from '@pf/domain';
import { describe, expect, it } from 'vitest';
import { signInErrorCode, signInMessage } from '@/lib/auth-messages';

/** An AppError from another bundled copy of @pf/domain: same name and shape, another class. */
class OtherCopyAppError extends Error {
  override name = 'AppError';
  constructor(readonly code: string) {
    super('refused');
  }
}

describe('signInErrorCode', () => {
  it('keeps the code of an API error from any copy of the domain package, so a 429 reads as one', () => {
    expect(signInErrorCode(new AppError('UNAUTHORIZED', 'Invalid email or password.'))).toBe('UNAUTHORIZED');
    expect(signInErrorCode(new OtherCopyAppError('RATE_LIMIT_EXCEEDED'))).toBe('RATE_LIMIT_EXCEEDED');
    expect(signInMessage(signInErrorCode(new OtherCopyAppError('RATE_LIMIT_EXCEEDED')))).toBe(
      'Too many sign-in attempts. Wait a minute and try again.',
    );
  });

  it('reports anything else as INTERNAL_ERROR', () => {
    expect(signInErrorCode(new Error('boom'))).toBe('INTERNAL_ERROR');
    expect(signInErrorCode(new OtherCopyAppError('NOT_A_CODE'))).toBe('INTERNAL_ERROR');
    expect(signInErrorCode(Object.assign(new Error('x'), { code: 'UNAUTHORIZED' }))).toBe('INTERNAL_ERROR');
    expect(signInErrorCode(null)).toBe('INTERNAL_ERROR');
  });
});

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

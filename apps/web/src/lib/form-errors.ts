import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { apiErrorInfo } from './trpc';

/**
 * Puts the server's field violations on the form's inputs and returns the sentence for the form-level
 * alert: a pointer to the fields when there are some, else the server's message with its request id.
 */
export function applyServerErrors<T extends FieldValues>(error: unknown, setError: UseFormSetError<T>): string {
  const info = apiErrorInfo(error);
  for (const violation of info.violations) setError(violation.path as Path<T>, { message: violation.message });
  if (info.violations.length > 0) return 'Please fix the highlighted fields.';
  return info.requestId ? `${info.message} (reference ${info.requestId})` : info.message;
}

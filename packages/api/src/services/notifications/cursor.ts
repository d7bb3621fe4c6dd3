import { AppError } from '@pf/domain';

/** Position after a row: its created_at at full (microsecond) precision in UTC, and its id as a tie-break. */
export interface NotificationCursor {
  createdAt: string;
  id: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const encodeCursor = (cursor: NotificationCursor) =>
  Buffer.from(`${cursor.createdAt}|${cursor.id}`, 'utf8').toString('base64url');

/** Opaque to clients; anything that is not a cursor we issued is a validation error on `cursor`. */
export function decodeCursor(value: string): NotificationCursor {
  const [createdAt = '', id = '', ...rest] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !TIMESTAMP.test(createdAt) || !UUID.test(id)) {
    throw new AppError('VALIDATION_ERROR', 'validation failed', {
      violations: [{ path: 'cursor', code: 'invalid_cursor', message: 'is invalid' }],
    });
  }
  return { createdAt, id };
}

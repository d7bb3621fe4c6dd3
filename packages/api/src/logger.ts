import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

/** Correlation fields (requestId on web, jobId/eventId in the worker) attached to every log line. */
export type LogContext = Record<string, string | undefined>;
const logContext = new AsyncLocalStorage<LogContext>();

export const withLogContext = <T>(context: LogContext, fn: () => T): T =>
  logContext.run({ ...logContext.getStore(), ...context }, fn);
export const currentLogContext = (): LogContext => logContext.getStore() ?? {};

export function createLogger(level: string, name = 'packfinderz'): Logger {
  return pino({
    name,
    level,
    mixin: () => currentLogContext(),
    redact: {
      paths: [
        'password',
        '*.password',
        'token',
        '*.token',
        'refreshToken',
        '*.refreshToken',
        'authorization',
        '*.authorization',
      ],
      censor: '[redacted]',
    },
  });
}
export type { Logger };

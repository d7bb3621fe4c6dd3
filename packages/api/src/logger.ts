import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { isColorSupported, prettyFactory } from 'pino-pretty';

/** Correlation fields (requestId on web, jobId/eventId in the worker) attached to every log line. */
export type LogContext = Record<string, string | undefined>;
const logContext = new AsyncLocalStorage<LogContext>();

export const withLogContext = <T>(context: LogContext, fn: () => T): T =>
  logContext.run({ ...logContext.getStore(), ...context }, fn);
export const currentLogContext = (): LogContext => logContext.getStore() ?? {};

/** `json`: one JSON object per line, for log collectors; `pretty`: one readable line, for a developer's terminal. */
export type LogFormat = 'json' | 'pretty';

export interface LoggerOptions {
  name?: string;
  format?: LogFormat;
  /** Where lines go (default: standard output). */
  destination?: DestinationStream;
}

export function createLogger(level: string, options: LoggerOptions = {}): Logger {
  const { name = 'packfinderz', format = 'json', destination } = options;
  const settings = {
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
  };
  if (format === 'pretty') return pino(settings, readableLines(destination));
  return destination ? pino(settings, destination) : pino(settings);
}

/**
 * Time, level and message, then the other fields as compact JSON on the same line. Formatted synchronously in
 * this thread (no pino transport worker), so it behaves the same inside Next.js's server bundle and no line is
 * lost when a process exits right after logging.
 */
function readableLines(destination?: DestinationStream): DestinationStream {
  const format = prettyFactory({
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,name',
    colorize: destination ? false : isColorSupported,
  });
  const sink = destination ?? pino.destination(1);
  return { write: (line: string) => sink.write(format(line)) };
}

export type { Logger };

import type { DestinationStream } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { createLogger, withLogContext } from '../src/logger';

function capture(): DestinationStream & { lines: () => string[] } {
  let output = '';
  return {
    write: (chunk: string) => {
      output += chunk;
    },
    lines: () => output.split('\n').filter(Boolean),
  };
}

describe('log format', () => {
  it('json writes one parseable object per entry, with the context fields and secrets redacted', () => {
    const out = capture();
    const logger = createLogger('info', { format: 'json', destination: out });
    withLogContext({ requestId: 'req-7' }, () =>
      logger.info({ job: 'outbox-retention', password: 'hunter2' }, 'job finished'),
    );
    expect(out.lines()).toHaveLength(1);
    const entry = JSON.parse(out.lines()[0] as string);
    expect(entry).toMatchObject({ msg: 'job finished', job: 'outbox-retention', requestId: 'req-7', level: 30 });
    expect(entry.password).toBe('[redacted]');
  });

  it('pretty writes one readable line per entry: level, message and fields, secrets still redacted', () => {
    const out = capture();
    const logger = createLogger('info', { format: 'pretty', destination: out });
    logger.info({ job: 'outbox-retention', summary: { deleted: 3 }, token: 'abc' }, 'job finished');
    logger.debug('below the level');
    const [line, ...rest] = out.lines();
    expect(rest).toEqual([]);
    expect(line).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: job finished /);
    expect(line).toContain('"job":"outbox-retention"');
    expect(line).toContain('"summary":{"deleted":3}');
    expect(line).toContain('"token":"[redacted]"');
    expect(line).not.toContain('hostname');
    expect(() => JSON.parse(line as string)).toThrow();
  });

  it('is readable in development and JSON elsewhere unless LOG_FORMAT says otherwise', () => {
    const production = { APP_ENV: 'production', DATABASE_URL: 'postgres://db/x', REDIS_URL: 'redis://r' };
    const secrets = { AUTH_SECRET: 'x'.repeat(32), STORAGE_SIGNING_SECRET: 'y'.repeat(32) };
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({ APP_ENV: 'test' }).logFormat).toBe('json');
    expect(loadConfig({ ...production, ...secrets }).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ ...production, ...secrets, LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});

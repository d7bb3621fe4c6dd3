import { createRedisKeyValueStore } from '@pf/adapters';
import { createPostgresDb, type Database } from '@pf/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../src/deps';
import { createTestApp, failureOf, type TestApp, uniqueEmail } from '../src/testing';
import { createContextFactory } from '../src/trpc/context';
import { toAppError } from '../src/trpc/errors';
import { createCallerFactory } from '../src/trpc/init';
import { freshIp, RELAXED_LIMITS } from './helpers';
import { capturedLogger, type ErrorBody, serveTrpc } from './trpc-http';

/**
 * Honest errors (issue 10): a bug is a 500 INTERNAL_ERROR logged with its stack, only a dependency that cannot
 * be reached is a retryable 503, and both answers carry the request id the log lines carry.
 */
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
});
afterAll(() => app?.close());

/** The real app over HTTP with some of its dependencies replaced, and what it logged. */
async function serveWith(overrides: Partial<AppDeps>) {
  const { logger, lines } = capturedLogger();
  const deps: AppDeps = { ...app.deps, logger, ...overrides };
  const server = await serveTrpc(deps, app.router);
  const login = async () => {
    const response = await fetch(server.url('auth.login'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
      body: JSON.stringify({ email: uniqueEmail('errors'), password: 'Correct-horse-42' }),
    });
    const text = await response.text();
    return { response, text, body: JSON.parse(text) as ErrorBody, requestId: response.headers.get('x-request-id') };
  };
  return { login, lines, close: server.close, deps };
}

const BUG_MESSAGE = 'simulated bug: a query builder used wrongly';
/** A database handle whose every use throws, as a programming error in a query would. */
const buggyDb = new Proxy({} as Database, {
  get() {
    throw new Error(BUG_MESSAGE);
  },
});

describe('an unexpected error (a bug)', () => {
  it('answers 500 INTERNAL_ERROR with the request id, tells the client nothing more, and logs the stack', async () => {
    const served = await serveWith({ db: buggyDb });
    try {
      const { response, text, body, requestId } = await served.login();
      expect(response.status).toBe(500);
      expect(body.error.data).toMatchObject({ code: 'INTERNAL_ERROR', httpStatus: 500, requestId });
      expect(requestId).toBeTruthy();
      expect(body.error.message).toBe('internal server error');
      expect(text).not.toContain('simulated bug');
      expect(text).not.toMatch(/stack|\.ts:\d+|at [A-Za-z]+ \(/);

      const logged = served.lines.filter((line) => line.requestId === requestId && line.level === 50);
      expect(logged).toHaveLength(1);
      const err = logged[0]?.err as { message?: string; stack?: string };
      expect(err.message).toBe(BUG_MESSAGE);
      expect(err.stack).toContain(BUG_MESSAGE);
      expect(err.stack).toMatch(/\n\s+at .+unexpected-errors\.test\.ts/);
      expect(logged[0]).toMatchObject({ code: 'INTERNAL_ERROR', path: 'auth.login' });
    } finally {
      await served.close();
    }
  });

  it('is INTERNAL_ERROR for in-process callers too (server components use createCaller)', async () => {
    const createContext = createContextFactory({ ...app.deps, db: buggyDb });
    const caller = createCallerFactory(app.router)(
      createContext({ headers: new Headers({ 'x-forwarded-for': freshIp() }), resHeaders: new Headers() }),
    );
    const failure = await failureOf(caller.auth.login({ email: uniqueEmail('errors'), password: 'Correct-horse-42' }));
    expect(failure.code).toBe('INTERNAL_ERROR');
  });
});

describe('a dependency that cannot be reached', () => {
  it('a database refusing connections answers 503 DEPENDENCY_ERROR with the request id', async () => {
    const unreachable = createPostgresDb({ url: 'postgres://postgres@127.0.0.1:1/postgres', maxConnections: 1 });
    const served = await serveWith({ db: unreachable.db });
    try {
      const { response, body, requestId } = await served.login();
      expect(response.status).toBe(503);
      expect(body.error.data).toMatchObject({ code: 'DEPENDENCY_ERROR', httpStatus: 503, requestId });
      expect(body.error.message).toBe('dependency unavailable');
      const logged = served.lines.find((line) => line.requestId === requestId && line.level === 50);
      // Logged with the query's stack and what caused it.
      expect((logged?.err as { stack?: string } | undefined)?.stack).toMatch(/caused by: Error: connect ECONNREFUSED/);
    } finally {
      await served.close();
      await unreachable.close();
    }
  });

  it('a Redis that cannot be reached is a DEPENDENCY_ERROR, from the error ioredis really raises', async () => {
    const unreachable = createRedisKeyValueStore('redis://127.0.0.1:1', 'pf-unreachable:');
    try {
      const error = await unreachable.get('anything').then(
        () => new Error('expected the read to fail'),
        (e: unknown) => e,
      );
      expect(toAppError(error)).toMatchObject({ code: 'DEPENDENCY_ERROR', httpStatus: 503 });
    } finally {
      await unreachable.close();
    }
  });
});

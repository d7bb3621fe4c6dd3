import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDb, type DbHandle, mapDatabaseError } from '../src';
import { testAdminUrl } from '../src/testing';

/** Runs a statement that must fail and returns the error it mapped to. */
const failureOf = async (handle: DbHandle, query: SQL) =>
  handle.db.execute(query).then(
    () => {
      throw new Error('expected the statement to fail');
    },
    (error: unknown) => mapDatabaseError(error),
  );

let handle: DbHandle;
beforeAll(() => {
  handle = createPostgresDb({ url: testAdminUrl(), maxConnections: 1 });
});
afterAll(() => handle.close());

describe('database errors, as a real PostgreSQL raises them', () => {
  it('a server that refuses the connection is a DEPENDENCY_ERROR (503, retry later)', async () => {
    const unreachable = createPostgresDb({ url: 'postgres://postgres@127.0.0.1:1/postgres', maxConnections: 1 });
    try {
      const error = await failureOf(unreachable, sql`select 1`);
      expect(error).toMatchObject({ code: 'DEPENDENCY_ERROR', httpStatus: 503 });
    } finally {
      await unreachable.close();
    }
  });

  it('a connection the server ended (57P01 admin shutdown) is a DEPENDENCY_ERROR', async () => {
    const error = await failureOf(handle, sql`select pg_terminate_backend(pg_backend_pid())`);
    expect(error).toMatchObject({ code: 'DEPENDENCY_ERROR', httpStatus: 503 });
  });

  it('a statement timeout (57014) is a DEPENDENCY_ERROR', async () => {
    const error = await handle.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local statement_timeout = 1`);
        await tx.execute(sql`select pg_sleep(2)`);
      })
      .then(
        () => undefined,
        (e: unknown) => mapDatabaseError(e),
      );
    expect(error).toMatchObject({ code: 'DEPENDENCY_ERROR' });
  });

  it.each([
    ['an unknown table (42P01)', sql`select * from table_that_does_not_exist`],
    ['an unknown column (42703)', sql`select no_such_column from pg_class`],
    ['a division by zero (22012)', sql`select 1 / (select count(*) from pg_class where false)`],
    ['a syntax error (42601)', sql.raw('select from where')],
  ])('%s is a bug: INTERNAL_ERROR (500), never "dependency unavailable"', async (_name, query) => {
    const error = await failureOf(handle, query);
    expect(error).toMatchObject({ code: 'INTERNAL_ERROR', httpStatus: 500 });
  });

  it('keeps mapping the caller’s mistakes: a malformed uuid (22P02) is a VALIDATION_ERROR', async () => {
    const error = await failureOf(handle, sql`select ${'not-a-uuid'}::uuid`);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', httpStatus: 400 });
  });
});

describe('errors that never reached the database', () => {
  it('a programming error is INTERNAL_ERROR and keeps its cause for the log', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    const mapped = mapDatabaseError(bug);
    expect(mapped).toMatchObject({ code: 'INTERNAL_ERROR', cause: bug });
  });

  it('a refused socket anywhere in the cause chain is a DEPENDENCY_ERROR', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), { code: 'ECONNREFUSED' });
    expect(mapDatabaseError(new Error('fetch failed', { cause: refused })).code).toBe('DEPENDENCY_ERROR');
    expect(mapDatabaseError(new AggregateError([refused], 'all addresses failed')).code).toBe('DEPENDENCY_ERROR');
  });
});

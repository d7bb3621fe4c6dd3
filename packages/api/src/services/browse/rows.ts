import type { Database } from '@pf/db';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

/**
 * Browse selects only text, integer, float8 and boolean columns, which both drivers return as the same JS
 * types; only the envelope differs: postgres-js resolves to the row array, PGlite to `{ rows }`.
 */
const rowsIn = <T>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

/** Rows of a raw statement on either driver. */
export async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return rowsIn<T>(await db.execute(query));
}

/** Renders statements exactly as the app's databases do (createPostgresDb / createPgliteDb: snake_case). */
const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * The same as a prepared statement, for the one statement every browse request runs. `db.execute` sends an
 * unnamed statement, which postgres-js parses and describes and Postgres plans on every call; prepared, the
 * connection keeps it per query text (one per filter combination and sort) and Postgres may reuse a generic
 * plan. Measured on the page statement: about 0.5 ms less client CPU and half the database time per request.
 */
export async function preparedRowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  const statement = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, 'browse', false);
  return rowsIn<T>(await statement.execute());
}

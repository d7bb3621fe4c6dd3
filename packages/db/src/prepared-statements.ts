import type { Sql } from 'postgres';

/**
 * Statements with more parameters than this (multi-row inserts, long id lists) stay unnamed: their text varies
 * with the row count, and every named statement lives as long as its connection.
 */
export const MAX_PREPARED_PARAMETERS = 64;

type UnsafeOptions = Parameters<Sql['unsafe']>[2];
type Scoped = (sql: Sql) => unknown;

/**
 * drizzle runs every query through `sql.unsafe(text, params, { prepare: false })`. postgres-js answers an
 * unnamed statement with parameters by a Describe round trip before each execution; a named one is described
 * once per connection and then costs a single round trip. This wraps a client (and the clients it hands to
 * `begin`/`savepoint`) so parameterised statements are named and reused.
 */
export function withPreparedStatements(sql: Sql): Sql {
  const unsafe = (text: string, params?: unknown[], options?: UnsafeOptions) => {
    const parameterCount = params?.length ?? 0;
    const prepare = parameterCount > 0 && parameterCount <= MAX_PREPARED_PARAMETERS;
    return sql.unsafe(text, params as never, { ...options, prepare });
  };
  const scoped =
    (method: 'begin' | 'savepoint') =>
    (...args: unknown[]) => {
      const callback = args.pop() as Scoped;
      return (Reflect.get(sql, method) as (...a: unknown[]) => unknown)(...args, (inner: Sql) =>
        callback(withPreparedStatements(inner)),
      );
    };
  const overrides: Record<PropertyKey, unknown> = {
    unsafe,
    begin: scoped('begin'),
    savepoint: scoped('savepoint'),
  };
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property in overrides && property in target) return overrides[property];
      return Reflect.get(target, property, receiver);
    },
  });
}

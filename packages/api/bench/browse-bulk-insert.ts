import type { Database } from '@pf/db';
import { getTableColumns, getTableName, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** Rows per statement: each column travels as one text[] parameter, so this bounds the message size only. */
const CHUNK = 5000;

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Postgres text input for any value the generator produces (arrays become array literals). */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return String(value);
}

/**
 * INSERT … SELECT FROM unnest(text[], …): one parameter per column instead of one per value. Building a
 * 25-column multi-row VALUES statement in drizzle cost more CPU than Postgres spent storing the rows.
 * The column types come from the drizzle table, so every value is cast exactly as a normal insert would.
 */
export async function bulkInsert<T extends Record<string, unknown>>(db: Database, table: PgTable, rows: T[]) {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const types = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return column.getSQLType();
  });
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    const arrays: SQL[] = keys.map((key) => sql`${sql.param(chunk.map((row) => asText(row[key])))}::text[]`);
    const casts: SQL[] = keys.map((_, i) => sql.raw(`c${i}::${types[i]}`));
    await db.execute(sql`
      insert into ${table} (${sql.join(
        keys.map((key) => sql.identifier(snake(key))),
        sql`, `,
      )})
      select ${sql.join(casts, sql`, `)}
      from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.raw(keys.map((_, i) => `c${i}`).join(', '))})`);
  }
}

import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { withPreparedStatements } from './prepared-statements';
import * as schema from './schema';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Query functions take either, so a service can compose them inside its own transaction. */
export type DbOrTx = Database | Transaction;

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export interface DbHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  migrate(): Promise<void>;
  /** LISTEN on a channel; NOTIFYs sent inside a transaction arrive only if it commits. */
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface PostgresOptions {
  url: string;
  maxConnections?: number;
  /** Postgres notices (e.g. "relation already exists") are noise in logs and tests. */
  quiet?: boolean;
}

export function createPostgresDb({ url, maxConnections = 10, quiet = true }: PostgresOptions): DbHandle {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: quiet ? () => {} : undefined,
    connection: { application_name: 'packfinderz' },
  });
  const db = drizzlePostgres({
    client: withPreparedStatements(client),
    schema,
    casing: 'snake_case',
  }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    migrate: () =>
      migratePostgres(drizzlePostgres({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }),
    async listen(channel, onNotify) {
      const { unlisten } = await client.listen(channel, () => onNotify());
      return unlisten;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Embedded database: real Postgres compiled to WASM, persisted under `dataDir` (or in memory). */
export function createPgliteDb(dataDir?: string): DbHandle {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Trigram matching backs typo-tolerant product search; migrations create the extension.
  // Options form: `new PGlite(undefined, options)` drops the options and the extension with them.
  const client = new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    migrate: () =>
      migratePglite(drizzlePglite({ client, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER }),
    listen: (channel, onNotify) => client.listen(channel, () => onNotify()),
    close: () => client.close(),
  };
}

import { randomBytes } from 'node:crypto';
import { createRedisKeyValueStore } from '@pf/adapters';
import { createPostgresDb } from '@pf/db';
import type { KeyValueStore } from '@pf/domain';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createAppRouter } from '../src/routers/root';
import { createRuntime, type Runtime } from '../src/runtime';
import { createContextFactory } from '../src/trpc/context';

const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = () => process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function onAdmin(statement: string) {
  const admin = createPostgresDb({ url: adminUrl(), maxConnections: 1 });
  try {
    await admin.db.execute(sql.raw(statement));
  } finally {
    await admin.close();
  }
}

/** Remembers every key written so the bench can delete exactly what it created. */
function trackKeys(kv: KeyValueStore) {
  const written = new Set<string>();
  // Spread: every other method of the adapter (it uses closures, not `this`) passes through unchanged.
  const tracked: KeyValueStore = {
    ...kv,
    set: (key, value, options) => {
      written.add(key);
      return kv.set(key, value, options);
    },
    incrementInWindow: (key, windowMs) => {
      written.add(key);
      return kv.incrementInWindow(key, windowMs);
    },
  };
  return { kv: tracked, purge: () => kv.delete(...written) };
}

/**
 * The production wiring (createRuntime, createAppRouter, createContextFactory) over a fresh, migrated
 * PostgreSQL database of its own and a Redis key prefix of its own. `close()` removes both.
 */
export async function startBenchApp() {
  const id = randomBytes(6).toString('hex');
  const name = `pf_bench_${id}`;
  await onAdmin(`create database ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  // Same pool size as createRuntime uses in production (postgres-js default of createPostgresDb).
  const dbHandle = createPostgresDb({ url: url.toString() });
  const { kv, purge } = trackKeys(createRedisKeyValueStore(redisUrl(), `pf-bench:${id}:`));
  let runtime: Runtime | undefined;
  const close = async () => {
    await purge().catch(() => undefined);
    // The runtime closes what it was given (KV, database) along with anything it opened itself.
    if (runtime) await runtime.close();
    else await Promise.all([kv.close(), dbHandle.close()]);
    await onAdmin(`drop database if exists ${name} with (force)`);
  };
  try {
    await dbHandle.migrate();
    const config = loadConfig({
      APP_ENV: 'production',
      LOG_LEVEL: 'silent',
      DATABASE_URL: url.toString(),
      REDIS_URL: redisUrl(),
      AUTH_SECRET: randomBytes(48).toString('base64url'),
      // Production requires it with the local storage driver (signed read URLs, e.g. browse thumbnails).
      STORAGE_SIGNING_SECRET: randomBytes(32).toString('base64url'),
      // Only the one registration hashes a password; the request under test never does.
      ARGON2_MEMORY_KIB: '4096',
      ARGON2_TIME_COST: '1',
    });
    runtime = await createRuntime(config, { dbHandle, kv, logger: createLogger('silent') });
    const router = createAppRouter({ devAdminRegister: false });
    return { database: name, deps: runtime.deps, router, createContext: createContextFactory(runtime.deps), close };
  } catch (error) {
    await close();
    throw error;
  }
}
export type BenchApp = Awaited<ReturnType<typeof startBenchApp>>;

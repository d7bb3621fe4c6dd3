import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createPostgresDb, type DbHandle } from '../client';

/** Admin connection URL for the test Postgres (trust auth on this machine and in CI). */
export const testAdminUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * Each test run gets its own template (named by its global setup through PF_TEST_TEMPLATE), so two runs on
 * one machine — a developer's and CI's — never drop each other's template.
 */
const templateName = () => process.env.PF_TEST_TEMPLATE ?? 'pf_test_template';

const withDatabase = (url: string, name: string) => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** Builds the migrated template once per test run (called from vitest globalSetup). */
export async function prepareTemplateDatabase(): Promise<() => Promise<void>> {
  process.env.PF_TEST_TEMPLATE ??= `pf_test_tpl_${randomBytes(5).toString('hex')}`;
  const TEMPLATE = templateName();
  const admin = postgres(testAdminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    await admin.unsafe(`create database ${TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const handle = createPostgresDb({ url: withDatabase(testAdminUrl(), TEMPLATE), maxConnections: 1 });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  return async () => {
    const cleanup = postgres(testAdminUrl(), { max: 1, onnotice: () => {} });
    try {
      await cleanup.unsafe(`drop database if exists ${TEMPLATE} with (force)`);
    } finally {
      await cleanup.end();
    }
  };
}

export interface TestDatabase extends DbHandle {
  url: string;
  name: string;
}

/** A fresh database per test file, cloned from the migrated template, so files run in parallel. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `pf_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(testAdminUrl(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name} template ${templateName()}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(testAdminUrl(), name);
  const handle = createPostgresDb({ url, maxConnections: 10 });
  return {
    ...handle,
    url,
    name,
    close: async () => {
      await handle.close();
      const cleanup = postgres(testAdminUrl(), { max: 1, onnotice: () => {} });
      try {
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}

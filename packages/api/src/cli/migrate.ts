import { join, resolve } from 'node:path';
import { createPgliteDb, createPostgresDb } from '@pf/db';
import { loadConfig } from '../config';
import { runCli } from './run';

/** `pnpm db:migrate` (and the Procfile's release phase): applies committed SQL migrations. */
await runCli(async () => {
  const config = loadConfig(process.env);
  const handle = config.DATABASE_URL
    ? createPostgresDb({ url: config.DATABASE_URL, maxConnections: 1 })
    : createPgliteDb(join(resolve(config.DATA_DIR), 'pglite'));
  try {
    await handle.migrate();
    console.log(`migrations applied (${handle.kind})`);
  } finally {
    await handle.close();
  }
});

import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createPgliteDb, createPostgresDb } from '@pf/db';
import { createArgon2Hasher } from '../src/auth/passwords';
import { runCli } from '../src/cli/run';
import { loadConfig } from '../src/config';
import { DEMO_PASSWORD } from '../src/seed';
import { generateCatalog } from './browse-catalog';

/**
 * `pnpm catalog:generate [--products 100000] [--seed 42]`: a realistic, deterministic marketplace catalog in
 * the configured database (DATABASE_URL, else the embedded one), for trying browse at scale. Vendors sign in
 * as catalog-<seed>-vendor-<n>@example.test with the demo password. Run once per seed and database.
 */
await runCli(async () => {
  // `pnpm catalog:generate -- --products 5` forwards a leading "--", which parseArgs would read as the end of options.
  const args = process.argv.slice(2).filter((arg, i, all) => !(arg === '--' && all.indexOf('--') === i));
  const { values } = parseArgs({ args, options: { products: { type: 'string' }, seed: { type: 'string' } } });
  const products = Number(values.products ?? 100_000);
  const seed = Number(values.seed ?? 42);
  if (!Number.isInteger(products) || products < 0 || !Number.isInteger(seed)) {
    throw new Error('--products and --seed must be whole numbers');
  }
  const config = loadConfig(process.env);
  const handle = config.DATABASE_URL
    ? createPostgresDb({ url: config.DATABASE_URL })
    : createPgliteDb(join(resolve(config.DATA_DIR), 'pglite'));
  try {
    if (config.autoMigrate) await handle.migrate();
    const hasher = createArgon2Hasher({
      memoryKiB: config.ARGON2_MEMORY_KIB,
      timeCost: config.ARGON2_TIME_COST,
      parallelism: config.ARGON2_PARALLELISM,
      concurrency: 1,
      maxQueued: 1,
      maxPerClient: 1,
    });
    const started = performance.now();
    const vendors = await generateCatalog(handle.db, {
      products,
      seed,
      passwordHash: await hasher.hash(DEMO_PASSWORD),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`${products} products from ${vendors.length} vendors in ${seconds} s (${handle.kind}, seed ${seed})`);
    for (const v of vendors)
      console.log(`  ${v.state}  ${v.listed ? 'listed  ' : 'unlisted'}  ${v.products}  ${v.name}`);
  } finally {
    await handle.close();
  }
});

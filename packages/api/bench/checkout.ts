import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { inventoryItems } from '@pf/db';
import { prepareTemplateDatabase } from '@pf/db/testing';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, TEST_AUTH_SECRET, type TestApp } from '../src/testing';
import { listedVendor, type Party, stockedProduct, verifiedBuyer } from '../test/checkout-fixtures';
import { inParallel } from '../test/checkout-load-helpers';
import { RELAXED_LIMITS } from '../test/helpers';
import { type CartLine, checkout, closedLoop, quoteLatency } from './checkout-load';
import { type BenchFigures, printCheckoutReport } from './checkout-report';
import { printProfileSummary } from './cpu-profile';
import { measureCeilings } from './pgbench-ceilings';
import { startWebProcess, type WebProcess } from './web-process';

/**
 * `pnpm bench:checkout` (issue 11): checkout through HTTP on the production web server (`pnpm start`'s
 * apps/web/server/main.mjs over the built Next.js app; run `source scripts/lib.sh && build_web` first) on
 * PostgreSQL + Redis:
 *   (a) 10-line carts over 3 vendors, BENCH_CHECKOUT_BUYERS (32) buyers, quote + checkout back to back;
 *   (b) every checkout on one hot SKU, BENCH_HOT_BUYERS (64) buyers, then a sell-out of BENCH_HOT_SELLOUT (200)
 *       units that must not oversell, and the deadlocks Postgres counted;
 *   (c) cart.quote latency at 20 and 50 lines (BENCH_QUOTES sequential quotes each).
 * Next to pgbench ceilings measured in the same run (simple-update `-N`, one-row conditional decrement).
 * Settings: BENCH_WEB_PORT (3310), BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_SECONDS (10),
 * BENCH_WARMUP_SECONDS (3), BENCH_PGBENCH_SECONDS (10), and the ones above. Everything it starts
 * (web server, databases, Redis keys) is removed when it ends.
 */
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const port = Math.round(setting('BENCH_WEB_PORT', 3310));
const durationMs = setting('BENCH_SECONDS', 10) * 1000;
const warmupMs = setting('BENCH_WARMUP_SECONDS', 3) * 1000;
const pgbenchSeconds = Math.round(setting('BENCH_PGBENCH_SECONDS', 10));
const checkoutBuyers = Math.round(setting('BENCH_CHECKOUT_BUYERS', 32));
const hotBuyers = Math.round(setting('BENCH_HOT_BUYERS', 64));
const sellout = Math.round(setting('BENCH_HOT_SELLOUT', 200));
const quotes = Math.round(setting('BENCH_QUOTES', 200));
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** When set, the web server runs with `node --cpu-prof` into this folder and the run ends with where its CPU went. */
const profileDir = process.env.BENCH_CPU_PROFILE_DIR || undefined;
/** Stock that no run can exhaust, for the measured windows. */
const PLENTY = 1_000_000_000;

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

interface Catalog {
  /** 5 vendors × 10 products: (a) uses the first 3 vendors, (c) all of them. */
  byVendor: { vendorStoreId: string; productIds: string[] }[];
  hot: { productId: string; vendorStoreId: string };
  buyers: Party[];
}

async function seed(app: TestApp): Promise<Catalog> {
  const byVendor: Catalog['byVendor'] = [];
  for (let v = 0; v < 5; v++) {
    const vendor = await listedVendor(app);
    const productIds: string[] = [];
    for (let n = 0; n < 10; n++) {
      const tiers = n % 3 === 0 ? [{ minQty: 3, discountPercent: 5 }] : [];
      productIds.push(
        await stockedProduct(app, vendor.storeId, { priceCents: 500 + 37 * n, onHandQty: PLENTY, tiers }),
      );
    }
    byVendor.push({ vendorStoreId: vendor.storeId, productIds });
  }
  const hotVendor = byVendor[0]?.vendorStoreId ?? '';
  const hot = { productId: await stockedProduct(app, hotVendor, { onHandQty: PLENTY }), vendorStoreId: hotVendor };
  const buyers: Party[] = [];
  await inParallel(8, Math.max(checkoutBuyers, hotBuyers), async () => {
    buyers.push(await verifiedBuyer(app));
  });
  return { byVendor, hot, buyers };
}

/** `count` lines cycling over the first `vendors` vendors, a different rotation per call. */
function cartOf(catalog: Catalog, vendors: number, count: number, rotation: number): CartLine[] {
  return Array.from({ length: count }, (_, n) => {
    const vendor = catalog.byVendor[n % vendors] as Catalog['byVendor'][number];
    const productId = vendor.productIds[(Math.floor(n / vendors) + rotation) % vendor.productIds.length] as string;
    return { productId, vendorStoreId: vendor.vendorStoreId, quantity: 1 + ((n + rotation) % 3) };
  });
}

async function deadlocks(app: TestApp) {
  const [row] = (await app.deps.db.execute(
    sql`select deadlocks::int as n from pg_stat_database where datname = current_database()`,
  )) as unknown as { n: number }[];
  return row?.n ?? 0;
}

/** Free stock of the hot SKU is cut to `units`; every buyer then buys one at a time until refused. */
async function sellOut(app: TestApp, web: WebProcess, catalog: Catalog, units: number) {
  const [before] = await app.deps.db
    .select()
    .from(inventoryItems)
    .where(eq(inventoryItems.productId, catalog.hot.productId));
  if (!before) throw new Error('no hot stock row');
  await app.deps.db
    .update(inventoryItems)
    .set({ onHandQty: before.reservedQty + units })
    .where(eq(inventoryItems.productId, catalog.hot.productId));
  const line = [{ ...catalog.hot, quantity: 1 }];
  const errors: string[] = [];
  await Promise.all(
    catalog.buyers.slice(0, hotBuyers).map(async (buyer) => {
      for (let attempt = 0; attempt < units + 10; attempt++) {
        const outcome = await checkout(web.trpcUrl, buyer.token, line).catch((error: Error) => ({
          error: error.message,
        }));
        if (outcome === 'refused') return;
        if (outcome !== 'placed') errors.push(outcome.error);
      }
    }),
  );
  const [after] = (await app.deps.db.execute(sql`
    select i.on_hand_qty as on_hand, i.reserved_qty as reserved,
      (select coalesce(sum(qty), 0)::int from order_line_items l
        where l.product_id = i.product_id and l.status = 'pending') as held
    from inventory_items i where i.product_id = ${catalog.hot.productId}`)) as unknown as {
    on_hand: number;
    reserved: number;
    held: number;
  }[];
  if (!after) throw new Error('no hot stock row');
  return {
    sold: after.reserved - before.reservedQty,
    offered: units,
    // Units promised beyond stock, by the counter or by the order lines (either would be an oversell).
    oversell: Math.max(0, after.reserved - after.on_hand, after.held - after.on_hand),
    errors,
  };
}

async function main() {
  console.log(`bench:checkout — node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}`);
  process.env.TEST_DATABASE_URL = adminUrl;
  process.env.TEST_REDIS_URL = redisUrl;
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse())
      await step().catch((error: unknown) => console.error('cleanup failed:', error));
    cleanups.length = 0;
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  }
  try {
    // First, while nothing of this bench holds connections: 64 pgbench clients fit under max_connections.
    const ceilings = await measureCeilings(adminUrl, {
      seconds: pgbenchSeconds,
      simpleClients: checkoutBuyers,
      hotClients: hotBuyers,
    });
    const loadAfterCeilings = load();
    cleanups.push(await prepareTemplateDatabase());
    const app = await createTestApp(RELAXED_LIMITS);
    cleanups.push(app.close, () => purgeRedis(app.redisKeyPrefix));
    const catalog = await seed(app);
    const storageRoot = mkdtempSync(join(tmpdir(), 'pf-bench-storage-'));
    cleanups.push(async () => rmSync(storageRoot, { recursive: true, force: true }));
    const web = await startWebProcess(
      port,
      {
        ...RELAXED_LIMITS,
        APP_ENV: 'production',
        LOG_LEVEL: 'warn',
        DATABASE_URL: app.database.url,
        REDIS_URL: redisUrl,
        // The seeding app's sessions: the buyers' tokens are valid on the web server.
        REDIS_KEY_PREFIX: app.redisKeyPrefix,
        AUTH_SECRET: TEST_AUTH_SECRET,
        STORAGE_ROOT: storageRoot,
        STORAGE_SIGNING_SECRET: randomBytes(32).toString('base64url'),
      },
      profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    );
    cleanups.push(web.stop);
    console.log(
      `seeded: 5 vendors × 10 products, 1 hot SKU, ${catalog.buyers.length} buyers; web server pid ${web.pid}`,
    );

    // One unmeasured checkout per buyer first: the server's first requests load the route and warm its pools.
    await Promise.all(catalog.buyers.map((buyer, n) => checkout(web.trpcUrl, buyer.token, cartOf(catalog, 3, 10, n))));
    const loopOptions = { warmupMs, durationMs, database: app.database.name, serverPid: web.pid };
    const mixed = await closedLoop({ ...loopOptions, workers: checkoutBuyers }, (worker) => {
      const buyer = catalog.buyers[worker] as Party;
      return checkout(web.trpcUrl, buyer.token, cartOf(catalog, 3, 10, Math.floor(Math.random() * 10)));
    });
    const deadlocksBefore = await deadlocks(app);
    const hotLine = [{ ...catalog.hot, quantity: 1 }];
    const hot = await closedLoop({ ...loopOptions, workers: hotBuyers }, (worker) =>
      checkout(web.trpcUrl, (catalog.buyers[worker] as Party).token, hotLine),
    );
    const soldOut = await sellOut(app, web, catalog, sellout);
    const hotDeadlocks = (await deadlocks(app)) - deadlocksBefore;
    const quoter = (catalog.buyers[0] as Party).token;
    const quote20 = await quoteLatency(web.trpcUrl, quoter, cartOf(catalog, 5, 20, 0), quotes, 10);
    const quote50 = await quoteLatency(web.trpcUrl, quoter, cartOf(catalog, 5, 50, 0), quotes, 10);
    const loadDuring = load();
    await web.stop();
    const figures: BenchFigures = { mixed, hot, soldOut, hotDeadlocks, quote20, quote50, ceilings };
    printCheckoutReport(figures, {
      durationMs,
      checkoutBuyers,
      hotBuyers,
      quotes,
      loadDuring,
      loadBefore: loadAfterCeilings,
    });
    // Written by the server as it exits (web.stop() above), so the whole run is in it.
    if (profileDir) printProfileSummary(profileDir);
    const failed =
      soldOut.oversell > 0 ||
      soldOut.errors.length > 0 ||
      soldOut.sold !== soldOut.offered ||
      Object.keys(mixed.errors).length + Object.keys(hot.errors).length > 0 ||
      mixed.placed === 0 ||
      hot.placed === 0;
    if (failed) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

/** Deletes every Redis key under the run's prefix (sessions of the seeded users, rate-limit windows). */
async function purgeRedis(prefix: string) {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const run = promisify(execFile);
  const { stdout } = await run('redis-cli', ['-u', redisUrl, '--scan', '--pattern', `${prefix}*`]);
  const keys = stdout.split('\n').filter(Boolean);
  for (let n = 0; n < keys.length; n += 500) await run('redis-cli', ['-u', redisUrl, 'del', ...keys.slice(n, n + 500)]);
}

await main();

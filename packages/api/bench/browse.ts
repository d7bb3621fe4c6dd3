import { randomUUID } from 'node:crypto';
import { availableParallelism, loadavg } from 'node:os';
import { type BrowseProductsInput, browseProductsInput } from '@pf/domain';
import { TOKEN_HEADER } from '../src/routers/tokens';
import { groupsStatement } from '../src/services/browse/facets';
import { pageStatement } from '../src/services/browse/page';
import { planBrowse } from '../src/services/browse/plan-browse';
import { browseScopeOf, vendorsInScope } from '../src/services/browse/scope';
import { registerInputFor } from '../src/testing';
import { startBenchApp } from './app';
import { generateCatalog } from './browse-catalog';
import { type Explained, explainInPsql } from './browse-explain';
import { type LoadRun, runBrowseLoad } from './browse-load';
import { printReport, type ShapeFigures } from './browse-report';
import { deepPageShape, FILTER_SHAPES, SEARCH_SHAPE, type Shape } from './browse-shapes';
import { startTrpcServer } from './servers';

/**
 * `pnpm bench:browse`: a fresh database with a generated catalog, a buyer in the largest state, and
 * `browse.products` served over HTTP by the real tRPC router (node:http adapter). Per shape: closed-loop
 * throughput and latency, the same statements EXPLAIN ANALYZEd through psql (ratio = everything that is not
 * Postgres executing the page query), and a fixed-rate run against the goals (filters p95 ≤ 20 ms at
 * 200 req/s, search p95 ≤ 50 ms at 100 req/s; no sequential scan on products in any plan).
 * Settings: BENCH_PRODUCTS (100000), BENCH_SEED (42), BENCH_SECONDS (8), BENCH_WARMUP_SECONDS (2),
 * BENCH_CONNECTIONS (16), BENCH_FILTER_RATE (200), BENCH_SEARCH_RATE (100), BENCH_DEEP_PAGE (50).
 */
const setting = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const products = Math.round(setting('BENCH_PRODUCTS', 100_000));
const seed = Math.round(setting('BENCH_SEED', 42));
const durationMs = setting('BENCH_SECONDS', 8) * 1000;
const warmupMs = setting('BENCH_WARMUP_SECONDS', 2) * 1000;
const connections = Math.round(setting('BENCH_CONNECTIONS', 16));
const rates = { filter: setting('BENCH_FILTER_RATE', 200), search: setting('BENCH_SEARCH_RATE', 100) };
const deepPage = Math.round(setting('BENCH_DEEP_PAGE', 50));
const databaseUrl = (name: string) => {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${name}`;
  return url.toString();
};
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

async function main() {
  const app = await startBenchApp();
  const cleanups: (() => Promise<unknown>)[] = [app.close];
  try {
    console.log(`bench:browse — node ${process.version}, ${availableParallelism()} CPUs, load average ${load()}`);
    const started = performance.now();
    const vendors = await generateCatalog(app.deps.db, { products, seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`catalog: ${products} products, ${vendors.length} vendors, generated + vacuum analyze in ${seconds} s`);

    const server = await startTrpcServer(app.router, app.createContext);
    cleanups.push(server.close);
    const registered = await fetch(`${server.url}/auth.register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(registerInputFor({ storeType: 'buyer', companyName: 'Bench Buyer' })),
    });
    const token = registered.headers.get(TOKEN_HEADER);
    const { result } = (await registered.json()) as { result: { data: { activeStoreId: string } } };
    if (!token) throw new Error(`auth.register answered ${registered.status} without a token`);
    const headers = { authorization: `Bearer ${token}` };
    const urlFor = (input: BrowseProductsInput) =>
      `${server.url}/browse.products?input=${encodeURIComponent(JSON.stringify(input))}`;
    const browse = async (input: BrowseProductsInput) => {
      const response = await fetch(urlFor(input), { headers });
      const body = (await response.json()) as { result?: { data: { total: number; nextCursor: string | null } } };
      if (!body.result) throw new Error(`browse.products answered ${response.status}: ${JSON.stringify(body)}`);
      return body.result.data;
    };
    const viewer = {
      id: result.data.activeStoreId,
      name: 'Bench Buyer',
      type: 'buyer' as const,
      role: 'owner' as const,
    };
    const scope = await browseScopeOf(app.deps, { ...viewer, kycStatus: 'pending_verification' });
    const list = { scope, vendors: await vendorsInScope(app.deps, scope), storefrontOf: null };
    console.log(`buyer in OK: ${list.vendors.length} listed vendors`);

    const shapes: Shape[] = [...FILTER_SHAPES, SEARCH_SHAPE, await deepPageShape(browse, deepPage)];
    const figures: ShapeFigures[] = [];
    for (const shape of shapes) {
      const totals = await Promise.all(shape.inputs.map(async (input) => (await browse(input)).total));
      const explained: { page: Explained; counts: Explained }[] = [];
      for (const input of shape.inputs) {
        const plan = await planBrowse(app.deps, list, browseProductsInput.parse(input));
        explained.push({
          page: await explainInPsql(databaseUrl(app.database), pageStatement(plan.page), true),
          counts: await explainInPsql(databaseUrl(app.database), groupsStatement(plan.counts), false),
        });
      }
      figures.push({ shape, totals, explained });
    }
    const run = { headers, connections, warmupMs, durationMs, okMarker: '"items":[' };
    const urls = (shape: Shape) => shape.inputs.map(urlFor);
    // The floor: the cheapest authenticated procedure through the same server, session and principal included.
    const floor = await runBrowseLoad(
      { ...run, mode: 'closed', urls: [`${server.url}/auth.me`], rate: 0, okMarker: '"result"' },
      app.database,
    );
    for (const f of figures) {
      f.closed = await runBrowseLoad({ ...run, mode: 'closed', urls: urls(f.shape), rate: 0 }, app.database);
    }
    for (const f of figures) {
      f.rate = rates[f.shape.kind];
      f.open = await runBrowseLoad({ ...run, mode: 'open', urls: urls(f.shape), rate: f.rate }, app.database);
    }
    printReport(figures, floor, { connections, durationMs, loadAfter: load() });
    if (figures.some((f) => (f.closed as LoadRun).errors + (f.open as LoadRun).errors > 0)) process.exitCode = 1;
  } finally {
    for (const cleanup of cleanups.reverse()) {
      await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

import { type BrowseProductsInput, browseProductsInput } from '@pf/domain';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../bench/browse-catalog';
import { FILTER_SHAPES, SEARCH_TERMS } from '../bench/browse-shapes';
import { groupsStatement } from '../src/services/browse/facets';
import { pageStatement } from '../src/services/browse/page';
import { type BrowseList, planBrowse } from '../src/services/browse/plan-browse';
import { rowsOf } from '../src/services/browse/rows';
import { browseScopeOf, vendorsInScope } from '../src/services/browse/scope';
import type { ActiveStore } from '../src/services/types';
import { createTestApp, type TestApp } from '../src/testing';
import { browse, buyerStore, type Store } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

/**
 * Every statement browse runs, EXPLAINed on a catalog large enough (and analysed) for the planner to choose as
 * it would in production: none may read the products table sequentially. enable_seqscan stays on.
 */
let app: TestApp;
let buyer: Store;
let deepCursor: string | null = null;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  buyer = await buyerStore(app, 'OK');
  await generateCatalog(app.deps.db, { products: 4000, seed: 11 });
  let page = await browse(app, buyer.token);
  for (let n = 1; n < 10 && page.nextCursor; n++) page = await browse(app, buyer.token, { cursor: page.nextCursor });
  deepCursor = page.nextCursor;
  if (!deepCursor) throw new Error('the generated catalog should have more than ten pages');
});
afterAll(() => app.close());

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const scansOf = (node: PlanNode): string[] => [
  `${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`,
  ...(node.Plans ?? []).flatMap(scansOf),
];

async function planNodes(statement: SQL) {
  const [row] = await rowsOf<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    app.deps.db,
    sql`explain (format json) ${statement}`,
  );
  if (!row) throw new Error('no plan');
  return scansOf(row['QUERY PLAN'][0].Plan);
}

async function listFor(viewer: ActiveStore, storefrontOf: string | null = null): Promise<BrowseList> {
  const scope = await browseScopeOf(app.deps, viewer);
  const vendors = (await vendorsInScope(app.deps, scope)).filter((v) => !storefrontOf || v.id === storefrontOf);
  return { scope, vendors, storefrontOf };
}

const viewerOf = (store: Store): ActiveStore => ({
  id: store.storeId,
  name: 'Buyer',
  type: 'buyer',
  role: 'owner',
  kycStatus: 'pending_verification',
});

describe('no browse statement scans products sequentially', () => {
  const shapes: [string, () => BrowseProductsInput][] = [
    ...FILTER_SHAPES.map((s) => [s.name, () => s.inputs[0] ?? {}] as [string, () => BrowseProductsInput]),
    ...SEARCH_TERMS.map((q) => [`q "${q}"`, () => ({ q })] as [string, () => BrowseProductsInput]),
    ['q with filters', () => ({ q: 'blue dream', categories: ['flower'], inStock: true })],
    ['q sorted by price', () => ({ q: 'gummies', sort: 'price_desc' })],
    ['deep page', () => ({ cursor: deepCursor })],
    ['deep page backward', () => ({ cursor: deepCursor, direction: 'backward' })],
    ['cbd range, newest', () => ({ cbdMin: 1, cbdMax: 20 })],
  ];
  it.each(shapes)('%s', async (_name, input) => {
    const list = await listFor(viewerOf(buyer));
    const query = browseProductsInput.parse(input());
    const plan = await planBrowse(app.deps, list, query);
    const statements = [pageStatement(plan.page), groupsStatement(plan.counts)];
    // A search first counts exact matches to choose between exact and fuzzy matching.
    const search = plan.counts.search;
    if (search) statements.push(groupsStatement({ ...plan.counts, search: { ...search, mode: 'exact' } }));
    for (const statement of statements) {
      const nodes = await planNodes(statement);
      expect(nodes).not.toContain('Seq Scan on products');
      expect(nodes.some((n) => n.endsWith('on products'))).toBe(true);
    }
  });

  it('storefront', async () => {
    const list = await listFor(viewerOf(buyer));
    const vendor = list.vendors[0]?.id ?? '';
    const plan = await planBrowse(app.deps, await listFor(viewerOf(buyer), vendor), browseProductsInput.parse({}));
    for (const statement of [pageStatement(plan.page), groupsStatement(plan.counts)]) {
      expect(await planNodes(statement)).not.toContain('Seq Scan on products');
    }
  });
});

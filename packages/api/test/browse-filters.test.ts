import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCatalog } from '../bench/browse-catalog';
import { createTestApp, type TestApp } from '../src/testing';
import { allPages, browse, buyerStore, type Store } from './browse-fixtures';
import { countBy, type Filters, type OracleProduct, passes, visibleProducts } from './browse-oracle';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
let buyer: Store;
let visible: OracleProduct[];
let someVendor: string;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  buyer = await buyerStore(app, 'OK');
  // A small generated marketplace: OK has listed and unlisted vendors, the other states only distract.
  await generateCatalog(app.deps.db, { products: 600, seed: 7, vendorScale: 0.3 });
  visible = await visibleProducts(app, 'OK');
  someVendor = visible[0]?.storeId ?? '';
});
afterAll(() => app.close());

const expected = (f: Filters) =>
  visible
    .filter((p) => passes(p, f))
    .map((p) => p.id)
    .sort();
const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();

describe('each filter alone returns exactly the visible products it describes', () => {
  const FILTERS: [string, () => Filters][] = [
    ['one category', () => ({ categories: ['flower'] })],
    ['several categories', () => ({ categories: ['edible', 'pre_roll', 'cart'] })],
    ['one classification', () => ({ classifications: ['indica'] })],
    ['several classifications', () => ({ classifications: ['cbd', 'hemp', 'balanced'] })],
    ['THC minimum', () => ({ thcMin: 20 })],
    ['THC maximum', () => ({ thcMax: 10 })],
    ['THC range', () => ({ thcMin: 18.5, thcMax: 28 })],
    ['CBD minimum', () => ({ cbdMin: 5 })],
    ['CBD maximum', () => ({ cbdMax: 1 })],
    ['price minimum', () => ({ priceMinCents: 3000 })],
    ['price maximum', () => ({ priceMaxCents: 2000 })],
    ['price range', () => ({ priceMinCents: 1000, priceMaxCents: 5000 })],
    ['with a volume discount', () => ({ hasVolumeDiscount: true })],
    ['without a volume discount', () => ({ hasVolumeDiscount: false })],
    ['in stock', () => ({ inStock: true })],
    ['out of stock', () => ({ inStock: false })],
    ['one vendor', () => ({ vendorId: someVendor })],
  ];
  it.each(FILTERS)('%s', async (_name, filter) => {
    const f = filter();
    const want = expected(f);
    expect(want.length, 'the fixture should exercise this filter').toBeGreaterThan(0);
    expect(want.length).toBeLessThan(visible.length);
    expect(idsOf(await allPages(app, buyer.token, { ...f, limit: 100 }))).toEqual(want);
    expect((await browse(app, buyer.token, f)).total).toBe(want.length);
  });

  it('all filters together', async () => {
    const f: Filters = {
      categories: ['flower', 'pre_roll'],
      thcMin: 15,
      priceMaxCents: 60_000,
      inStock: true,
    };
    const want = expected(f);
    expect(want.length).toBeGreaterThan(0);
    expect(idsOf(await allPages(app, buyer.token, { ...f, limit: 100 }))).toEqual(want);
  });
});

describe('sorts', () => {
  const byNewest = (a: OracleProduct, b: OracleProduct) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1);
  const byPrice = (a: OracleProduct, b: OracleProduct) => a.priceCents - b.priceCents || (a.id < b.id ? -1 : 1);

  it('newest (the default without q): created_at, then id, descending', async () => {
    const items = await allPages(app, buyer.token, { limit: 9 });
    expect(items.map((i) => i.id)).toEqual([...visible].sort(byNewest).map((p) => p.id));
  });

  it('price ascending and descending, ties broken by id in the same direction', async () => {
    const asc = await allPages(app, buyer.token, { sort: 'price_asc', limit: 11 });
    expect(asc.map((i) => i.id)).toEqual([...visible].sort(byPrice).map((p) => p.id));
    const desc = await allPages(app, buyer.token, { sort: 'price_desc', limit: 11 });
    expect(desc.map((i) => i.id)).toEqual(
      [...visible]
        .sort(byPrice)
        .reverse()
        .map((p) => p.id),
    );
  });

  it('relevance without q falls back to newest', async () => {
    const relevance = await browse(app, buyer.token, { sort: 'relevance', limit: 20 });
    const newest = await browse(app, buyer.token, { limit: 20 });
    expect(relevance.items.map((i) => i.id)).toEqual(newest.items.map((i) => i.id));
  });
});

describe('facet counts (each group applies every filter except its own)', () => {
  const COMBINATIONS: Filters[] = [
    {},
    { categories: ['flower'] },
    { categories: ['flower', 'edible'], classifications: ['indica', 'sativa'], inStock: true },
    { hasVolumeDiscount: true, priceMaxCents: 4000, thcMin: 5 },
    { vendorId: '', inStock: false },
  ];
  it.each(COMBINATIONS.map((c, i) => [i, c] as const))('combination %i', async (_i, combination) => {
    const f = combination.vendorId === '' ? { ...combination, vendorId: someVendor } : combination;
    const { total, facets } = await browse(app, buyer.token, f);
    expect(total).toBe(expected(f).length);
    const asRecord = (entries: { value: string; count: number }[]) =>
      Object.fromEntries(entries.filter((e) => e.count > 0).map((e) => [e.value, e.count]));
    expect(asRecord(facets.categories)).toEqual(countBy(visible, f, 'categories', (p) => p.category));
    expect(asRecord(facets.classifications)).toEqual(countBy(visible, f, 'classifications', (p) => p.classification));
    expect(asRecord(facets.vendors)).toEqual(countBy(visible, f, 'vendors', (p) => p.storeId));
    expect(facets.hasVolumeDiscount).toBe(
      visible.filter((p) => p.hasVolumeDiscount && passes(p, f, 'hasVolumeDiscount')).length,
    );
    expect(facets.inStock).toBe(visible.filter((p) => p.inStock && passes(p, f, 'inStock')).length);
  });

  it('a count is the total the grid shows when that value is its group’s only selection', async () => {
    const base: Filters = { classifications: ['hybrid'], inStock: true };
    const { facets } = await browse(app, buyer.token, base);
    for (const category of facets.categories) {
      const picked = await browse(app, buyer.token, { ...base, categories: [category.value as 'flower'] });
      expect(picked.total, category.value).toBe(category.count);
      expect(picked.items.length).toBe(Math.min(category.count, 24));
    }
    const discounted = await browse(app, buyer.token, { ...base, hasVolumeDiscount: true });
    expect(discounted.total).toBe(facets.hasVolumeDiscount);
  });

  it('keeps a selected value that has no products, with count 0, so the sidebar can show it ticked', async () => {
    const { facets, total } = await browse(app, buyer.token, { categories: ['seedling'], thcMin: 99 });
    expect(total).toBe(0);
    expect(facets.categories.find((c) => c.value === 'seedling')).toEqual({
      value: 'seedling',
      label: 'Seedlings',
      count: 0,
    });
  });
});

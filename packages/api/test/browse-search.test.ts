import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../src/testing';
import { addProduct, allPages, browse, buyerStore, type Store, vendorStore } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
let buyer: Store;
let vendor: Store;
const ids: Record<string, string> = {};

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  // A state of its own, so no other test file's products appear.
  buyer = await buyerStore(app, 'OR');
  vendor = await vendorStore(app, { state: 'OR' });
  const day = (n: number) => new Date(Date.UTC(2025, 0, n));
  // The subtitle and strain hits are newer, so only ranking can put the title hit first.
  ids.title = await addProduct(app, vendor.storeId, {
    title: 'Blue Dream Flower 3.5g',
    createdAt: day(1),
    priceCents: 3000,
  });
  ids.strain = await addProduct(app, vendor.storeId, {
    title: 'House Pre-Roll 1g',
    strain: 'Blue Dream',
    category: 'pre_roll',
    createdAt: day(2),
    priceCents: 1000,
  });
  ids.subtitle = await addProduct(app, vendor.storeId, {
    title: 'Sunset Badder 1g',
    subtitle: 'A blue dream cross, sticky and sweet',
    category: 'concentrate',
    createdAt: day(3),
    priceCents: 2000,
  });
  ids.other = await addProduct(app, vendor.storeId, { title: 'Sour Diesel Flower 7g', createdAt: day(4) });
  ids.gummies = await addProduct(app, vendor.storeId, { title: 'Watermelon Gummies 10-pack', category: 'edible' });
});
afterAll(() => app.close());

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('full-text search', () => {
  it('ranks a title match above a strain match above a subtitle match', async () => {
    const result = await browse(app, buyer.token, { q: 'blue dream' });
    expect(idsOf(result.items)).toEqual([ids.title, ids.strain, ids.subtitle]);
    expect(result.total).toBe(3);
  });

  it('matches word forms (stemming) and the websearch syntax', async () => {
    expect(idsOf((await browse(app, buyer.token, { q: 'gummy' })).items)).toEqual([ids.gummies]);
    expect(idsOf((await browse(app, buyer.token, { q: '"blue dream" -flower' })).items)).toEqual([
      ids.strain,
      ids.subtitle,
    ]);
    expect(idsOf((await browse(app, buyer.token, { q: 'diesel OR gummies' })).items).sort()).toEqual(
      [ids.other, ids.gummies].sort(),
    );
  });

  it('combines with filters, facets and other sorts', async () => {
    const concentrates = await browse(app, buyer.token, { q: 'blue dream', categories: ['concentrate'] });
    expect(idsOf(concentrates.items)).toEqual([ids.subtitle]);
    // The category facet ignores its own selection, so it still counts the other matches.
    expect(concentrates.facets.categories.map((c) => [c.value, c.count])).toEqual([
      ['flower', 1],
      ['pre_roll', 1],
      ['concentrate', 1],
    ]);
    const cheapest = await browse(app, buyer.token, { q: 'blue dream', sort: 'price_asc' });
    expect(idsOf(cheapest.items)).toEqual([ids.strain, ids.subtitle, ids.title]);
  });
});

describe('typos and empty queries', () => {
  it('finds "Blue Dream" for "blue dreem" by title similarity when nothing matches exactly', async () => {
    const result = await browse(app, buyer.token, { q: 'blue dreem' });
    expect(idsOf(result.items)[0]).toBe(ids.title);
    expect(result.items.map((i) => i.title)).not.toContain('Watermelon Gummies 10-pack');
    expect(idsOf((await browse(app, buyer.token, { q: 'watermelon gumies' })).items)).toEqual([ids.gummies]);
  });

  it('treats a query of only stop words as no query at all', async () => {
    const everything = await browse(app, buyer.token);
    for (const q of ['the', 'and of the', '   ']) {
      const result = await browse(app, buyer.token, { q });
      expect(idsOf(result.items), q).toEqual(idsOf(everything.items));
      expect(result.total).toBe(everything.total);
    }
  });

  it('finds nothing for punctuation alone ("%", "_"), in the marketplace and in a storefront, the vendor’s own too', async () => {
    const storefront = (token: string, q: string) =>
      app.call({ token }).caller.browse.storefront({ vendorId: vendor.storeId, q });
    expect((await storefront(buyer.token, 'blue')).total).toBe(3);
    for (const q of ['%', '_', '%%', '!!!', '&&', ' % ', '%_\\', '*']) {
      const empty = { items: [], total: 0, nextCursor: null, prevCursor: null };
      expect(await browse(app, buyer.token, { q }), q).toMatchObject(empty);
      expect(await browse(app, buyer.token, { q, sort: 'price_asc' }), q).toMatchObject(empty);
      expect(await storefront(buyer.token, q), q).toMatchObject(empty);
      expect(await storefront(vendor.token, q), q).toMatchObject(empty);
    }
    // Punctuation beside a word is no obstacle.
    expect((await browse(app, buyer.token, { q: 'gummies!' })).total).toBe(1);
  });

  it('finds nothing, without error, for words no product has', async () => {
    const result = await browse(app, buyer.token, { q: 'zzyzx quux' });
    expect(result).toMatchObject({ items: [], total: 0, nextCursor: null });
  });
});

describe('relevance pagination', () => {
  it('pages through equal scores without repeating or skipping (ties broken by id)', async () => {
    const twins: string[] = [];
    for (let i = 0; i < 9; i++) twins.push(await addProduct(app, vendor.storeId, { title: 'Twin Cookies Flower' }));
    const items = await allPages(app, buyer.token, { q: 'twin cookies', limit: 2 });
    expect(idsOf(items)).toEqual([...twins].sort().reverse());
  });
});

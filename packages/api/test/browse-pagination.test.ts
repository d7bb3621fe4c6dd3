import type { BrowseProductsInput, BrowseSort } from '@pf/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, type TestApp } from '../src/testing';
import { addProduct, allPages, browse, buyerStore, type Store, vendorStore } from './browse-fixtures';
import { RELAXED_LIMITS } from './helpers';

let app: TestApp;
let buyer: Store;
/** Product ids by sort, in the order the grid must show them. */
const order: Record<'newest' | 'price_asc' | 'price_desc', string[]> = { newest: [], price_asc: [], price_desc: [] };
const COUNT = 30;

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  // A state of its own, so no other test file's products appear.
  buyer = await buyerStore(app, 'NV');
  const vendor = await vendorStore(app, { state: 'NV' });
  // Three prices and three instants for 30 products: nearly every neighbour ties on the sort key.
  const instants = [
    new Date('2025-06-01T12:00:00.000001Z'),
    new Date('2025-06-02T12:00:00Z'),
    new Date('2025-06-03T12:00:00Z'),
  ];
  const rows: { id: string; price: number; at: number }[] = [];
  for (let i = 0; i < COUNT; i++) {
    const price = [1500, 900, 2500][i % 3] as number;
    const at = instants[i % instants.length] as Date;
    rows.push({
      id: await addProduct(app, vendor.storeId, { priceCents: price, createdAt: at }),
      price,
      at: at.getTime(),
    });
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
  order.newest = [...rows].sort((a, b) => b.at - a.at || byId(b, a)).map((r) => r.id);
  order.price_asc = [...rows].sort((a, b) => a.price - b.price || byId(a, b)).map((r) => r.id);
  order.price_desc = [...order.price_asc].reverse();
});
afterAll(() => app.close());

describe('keyset pagination under equal sort keys', () => {
  const CASES = (['newest', 'price_asc', 'price_desc'] as const).flatMap((sort) =>
    [1, 7, 10, 29, 30, 31].map((limit) => [sort, limit] as const),
  );
  it.each(CASES)('%s, %i per page: every product once, in order, forward', async (sort, limit) => {
    const items = await allPages(app, buyer.token, { sort, limit });
    expect(items.map((i) => i.id)).toEqual(order[sort]);
  });

  it.each(['newest', 'price_asc', 'price_desc'] as const)(
    '%s: paging backward retraces the same pages',
    async (sort) => {
      const forward: string[][] = [];
      const prevCursors: (string | null)[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof browse>> = await browse(app, buyer.token, { sort, limit: 7, cursor });
        forward.push(page.items.map((i) => i.id));
        prevCursors.push(page.prevCursor);
        cursor = page.nextCursor;
      } while (cursor);
      expect(prevCursors[0]).toBeNull();
      const backward: string[][] = [];
      let back = prevCursors.at(-1) ?? null;
      while (back) {
        const page = await browse(app, buyer.token, { sort, limit: 7, cursor: back, direction: 'backward' });
        backward.unshift(page.items.map((i) => i.id));
        back = page.prevCursor;
      }
      expect([...backward, forward.at(-1)]).toEqual(forward);
    },
  );

  it('the exact last page says so: full, with no next cursor', async () => {
    const first = await browse(app, buyer.token, { limit: 15 });
    expect(first.nextCursor).not.toBeNull();
    const second = await browse(app, buyer.token, { limit: 15, cursor: first.nextCursor });
    expect(second.items).toHaveLength(15);
    expect(second.nextCursor).toBeNull();
    const whole = await browse(app, buyer.token, { limit: COUNT });
    expect(whole.items).toHaveLength(COUNT);
    expect(whole.nextCursor).toBeNull();
    expect(whole.total).toBe(COUNT);
  });

  it('an empty result is one empty page with no cursors and zero counts', async () => {
    const empty = await browse(app, buyer.token, { priceMinCents: 1_000_000 });
    expect(empty).toMatchObject({ items: [], nextCursor: null, prevCursor: null, total: 0 });
    expect(empty.facets).toMatchObject({ categories: [], vendors: [], hasVolumeDiscount: 0, inStock: 0 });
  });

  it('a product added between pages neither shifts nor repeats the following pages', async () => {
    const first = await browse(app, buyer.token, { sort: 'price_asc', limit: 10 });
    const vendorId = first.items[0]?.vendor.id ?? '';
    const added = await addProduct(app, vendorId, { priceCents: 900 });
    const rest = await allPages(app, buyer.token, { sort: 'price_asc', limit: 10, cursor: first.nextCursor });
    const seen = [...first.items, ...rest].map((i) => i.id).filter((id) => id !== added);
    expect(seen).toEqual(order.price_asc);
  });
});

describe('cursors', () => {
  const token = () => buyer.token;
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of the wrong shape', encode({ hello: 'world' })],
    ['a malformed key', encode({ s: 'newest', k: "2025'; drop table products; --", i: crypto.randomUUID(), f: 'x' })],
    ['a number where text belongs', encode({ s: 'price_asc', k: 12, i: crypto.randomUUID(), f: 'x' })],
  ])('%s is a VALIDATION_ERROR on `cursor`', async (_name, cursor) => {
    const failure = await failureOf(browse(app, token(), { cursor }));
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect(failure.violations.map((v) => v.path)).toEqual(['cursor']);
  });

  it('a cursor is valid only with the sort and filters it was issued for', async () => {
    const { nextCursor } = await browse(app, token(), { sort: 'price_asc', limit: 5 });
    const reuse = async (input: BrowseProductsInput & { sort?: BrowseSort }) =>
      (await failureOf(browse(app, token(), { ...input, cursor: nextCursor }))).code;
    expect(await reuse({ sort: 'price_desc', limit: 5 })).toBe('VALIDATION_ERROR');
    expect(await reuse({ sort: 'price_asc', limit: 5, inStock: true })).toBe('VALIDATION_ERROR');
    // The page size may change between pages.
    expect((await browse(app, token(), { sort: 'price_asc', limit: 9, cursor: nextCursor })).items).toHaveLength(9);
  });

  it('refuses reversed ranges and oversized pages as bad input', async () => {
    expect((await failureOf(browse(app, token(), { thcMin: 30, thcMax: 10 }))).code).toBe('VALIDATION_ERROR');
    expect((await failureOf(browse(app, token(), { limit: 101 }))).code).toBe('VALIDATION_ERROR');
  });
});

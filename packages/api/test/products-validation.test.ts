import { randomUUID } from 'node:crypto';
import { inventoryItems } from '@pf/db';
import type { CreateProductInput } from '@pf/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, failureOf, registerOwner, type TestApp } from '../src/testing';
import { RELAXED_LIMITS } from './helpers';
import { catalogSnapshot, insertMedia, productInput } from './product-fixtures';

let app: TestApp;
let token: string;
let storeId: string;
/** Media of the vendor under test, one per case, plus another store's image. */
let files: { image: string; coa: string; pending: string; foreign: string; foreignCoa: string };

beforeAll(async () => {
  app = await createTestApp(RELAXED_LIMITS);
  const owner = await registerOwner(app);
  const other = await registerOwner(app);
  token = owner.token;
  storeId = owner.storeId;
  files = {
    image: await insertMedia(app, storeId),
    coa: await insertMedia(app, storeId, { kind: 'coa' }),
    pending: await insertMedia(app, storeId, { status: 'pending' }),
    foreign: await insertMedia(app, other.storeId),
    foreignCoa: await insertMedia(app, other.storeId, { kind: 'coa' }),
  };
});
afterAll(() => app.close());

const api = () => app.call({ token, idempotencyKey: randomUUID() }).caller.vendorProducts;

interface Refusal {
  code: string;
  message: string;
  violations: { path: string; code?: string }[];
}

/** Runs a call that must be refused, and proves it stored nothing anywhere in the catalog or audit log. */
async function refused(call: () => Promise<unknown>): Promise<Refusal> {
  const before = await catalogSnapshot(app);
  const failure = (await failureOf(call())) as Refusal;
  expect(await catalogSnapshot(app)).toEqual(before);
  return failure;
}

const createCases: [string, () => Partial<CreateProductInput>, string, string?][] = [
  ['max_qty below the MOQ', () => ({ moq: 10, maxQty: 5 }), 'maxQty'],
  [
    'a tier threshold equal to the previous one',
    () => ({
      volumeDiscounts: [
        { minQty: 10, discountPercent: 5 },
        { minQty: 10, discountPercent: 8 },
      ],
    }),
    'volumeDiscounts.1.minQty',
  ],
  [
    'tiers listed out of order',
    () => ({
      volumeDiscounts: [
        { minQty: 20, discountPercent: 5 },
        { minQty: 10, discountPercent: 8 },
      ],
    }),
    'volumeDiscounts.1.minQty',
  ],
  [
    'a percent above 100',
    () => ({ volumeDiscounts: [{ minQty: 1, discountPercent: 101 }] }),
    'volumeDiscounts.0.discountPercent',
  ],
  [
    'a negative percent',
    () => ({ volumeDiscounts: [{ minQty: 1, discountPercent: -1 }] }),
    'volumeDiscounts.0.discountPercent',
  ],
  [
    'a tier below quantity 1',
    () => ({ volumeDiscounts: [{ minQty: 0, discountPercent: 5 }] }),
    'volumeDiscounts.0.minQty',
  ],
  ['a negative price', () => ({ priceCents: -1 }), 'priceCents'],
  ['a fractional price', () => ({ priceCents: 10.5 }), 'priceCents'],
  ['negative stock', () => ({ inventory: { onHandQty: -1, lowStockThreshold: 0 } }), 'inventory.onHandQty'],
  ['an MOQ of 0', () => ({ moq: 0 }), 'moq'],
  ['THC above 100%', () => ({ thcPercent: 100.5 }), 'thcPercent'],
  ['no feelings', () => ({ feelings: [] }), 'feelings'],
  ['the same image twice', () => ({ mediaIds: [files.image, files.image] }), 'mediaIds'],
  ["another store's image", () => ({ mediaIds: [files.image, files.foreign] }), 'mediaIds.1', 'not_found'],
  ['an id that is no media at all', () => ({ mediaIds: [randomUUID()] }), 'mediaIds.0', 'not_found'],
  ['a COA in the gallery (wrong kind)', () => ({ mediaIds: [files.coa] }), 'mediaIds.0', 'wrong_kind'],
  ['an image still uploading', () => ({ mediaIds: [files.pending] }), 'mediaIds.0', 'not_ready'],
  ['an image as the COA', () => ({ coaMediaId: files.image }), 'coaMediaId', 'wrong_kind'],
  ["another store's COA", () => ({ coaMediaId: files.foreignCoa }), 'coaMediaId', 'not_found'],
];

describe('vendorProducts.create refuses bad input with VALIDATION_ERROR on the field, storing nothing', () => {
  it.each(createCases)('%s', async (_name, overrides, path, violationCode) => {
    const failure = await refused(() => api().create(productInput(overrides())));
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect(failure.violations.map((violation) => violation.path)).toEqual([path]);
    if (violationCode) expect(failure.violations[0]?.code).toBe(violationCode);
  });
});

describe('vendorProducts.update and setInventory refuse bad changes, storing nothing', () => {
  it('refuses on-hand stock below what open orders reserve (STATE_CONFLICT), even with other changes', async () => {
    const product = await api().create(productInput());
    await app.deps.db.update(inventoryItems).set({ reservedQty: 7 }).where(eq(inventoryItems.productId, product.id));

    const viaUpdate = await refused(() =>
      api().update({ productId: product.id, title: 'Renamed', inventory: { onHandQty: 6 } }),
    );
    expect(viaUpdate).toMatchObject({ code: 'STATE_CONFLICT', violations: [{ path: 'inventory.onHandQty' }] });
    expect(viaUpdate.message).toContain('7 units reserved');

    const viaSet = await refused(() => api().setInventory({ productId: product.id, onHandQty: 6 }));
    expect(viaSet).toMatchObject({ code: 'STATE_CONFLICT', violations: [{ path: 'onHandQty' }] });
    expect((await api().get({ productId: product.id })).title).toBe(product.title);

    // Exactly the reserved amount is allowed: nothing free, nothing oversold.
    const atReserved = await api().setInventory({ productId: product.id, onHandQty: 7 });
    expect(atReserved).toMatchObject({ availableQty: 0, reservedQty: 7 });
  });

  it('checks max_qty against the stored MOQ when a patch changes only one of them', async () => {
    const product = await api().create(productInput({ moq: 5, maxQty: 10 }));
    const lowerMax = await refused(() => api().update({ productId: product.id, maxQty: 4 }));
    expect(lowerMax).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'maxQty' }] });
    const higherMoq = await refused(() => api().update({ productId: product.id, moq: 11 }));
    expect(higherMoq).toMatchObject({ code: 'VALIDATION_ERROR', violations: [{ path: 'moq' }] });
    expect(await api().update({ productId: product.id, maxQty: 0, moq: 11 })).toMatchObject({ moq: 11, maxQty: 0 });
  });

  it('refuses bad media in a patch and leaves the other fields of the patch unapplied', async () => {
    const product = await api().create(productInput({ mediaIds: [files.image] }));
    const cases: [Record<string, unknown>, string][] = [
      [{ mediaIds: [files.foreign] }, 'mediaIds.0'],
      [{ mediaIds: [files.image, files.coa] }, 'mediaIds.1'],
      [{ coaMediaId: files.image }, 'coaMediaId'],
      [{ volumeDiscounts: [{ minQty: 5, discountPercent: 150 }] }, 'volumeDiscounts.0.discountPercent'],
    ];
    for (const [patch, path] of cases) {
      const failure = await refused(() => api().update({ productId: product.id, title: 'Changed', ...patch }));
      expect(failure.code).toBe('VALIDATION_ERROR');
      expect(failure.violations.map((violation) => violation.path)).toEqual([path]);
    }
    const current = await api().get({ productId: product.id });
    expect(current.title).toBe(product.title);
    expect(current.gallery.map((item) => item.mediaId)).toEqual([files.image]);
  });
});

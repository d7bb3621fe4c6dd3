import { createHash, randomUUID } from 'node:crypto';
import { inventoryItems, media, mediaAttachments, productMedia, products, productVolumeDiscounts } from '@pf/db';
import { createProductInput, mediaThumbnailKey } from '@pf/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_VENDORS, seedDemoData } from '../src/seed';
import { buildVendorCatalog } from '../src/seed/catalog';
import { PRODUCT_IMAGE_WIDTH, PRODUCT_THUMBNAIL_WIDTH } from '../src/seed/images';
import { editableValuesOf } from '../src/services/products/product-fields';
import { localStorageOf } from '../src/storage';
import { createTestApp, type TestApp } from '../src/testing';
import { seededStores } from './seed-helpers';

let app: TestApp;
let vendorIds: string[];

beforeAll(async () => {
  app = await createTestApp();
  await seedDemoData(app.deps);
  vendorIds = (await seededStores(app)).vendors.map((vendor) => vendor.id);
});
afterAll(() => app.close());

const catalog = () => app.deps.db.select().from(products).where(inArray(products.storeId, vendorIds));
const share = (part: number, whole: number) => part / whole;

async function readObject(key: string): Promise<Buffer> {
  const storage = localStorageOf(app.deps.storage);
  if (!storage) throw new Error('the tests run on the local storage adapter');
  const url = await storage.signDownload({ key, expiresAt: new Date(Date.now() + 60_000) });
  const download = await storage.openDownload({ key, query: new URL(url).searchParams });
  return Buffer.from(await new Response(download.stream).arrayBuffer());
}

describe('demo seed: the catalog', () => {
  it('lists a realistic number of products per vendor', async () => {
    const rows = await catalog();
    for (const storeId of vendorIds) {
      const count = rows.filter((row) => row.storeId === storeId).length;
      expect(count).toBeGreaterThanOrEqual(60);
      expect(count).toBeLessThanOrEqual(120);
    }
    expect(rows.length).toBeGreaterThanOrEqual(300);
    expect(new Set(rows.map((row) => row.category)).size).toBeGreaterThanOrEqual(10);
  });

  it('mixes stock levels, inactive listings, volume tiers and COAs', async () => {
    const rows = await catalog();
    const stock = await app.deps.db
      .select()
      .from(inventoryItems)
      .where(
        inArray(
          inventoryItems.productId,
          rows.map((row) => row.id),
        ),
      );
    expect(stock).toHaveLength(rows.length);
    const soldOut = stock.filter((item) => item.onHandQty === 0).length;
    const low = stock.filter((item) => item.onHandQty > 0 && item.onHandQty <= item.lowStockThreshold).length;
    expect(share(soldOut, rows.length)).toBeGreaterThan(0.02);
    expect(share(low, rows.length)).toBeGreaterThan(0.02);
    expect(share(soldOut + low, rows.length)).toBeLessThan(0.3);
    const inactive = rows.filter((row) => !row.isActive).length;
    expect(share(inactive, rows.length)).toBeGreaterThan(0.01);
    expect(share(inactive, rows.length)).toBeLessThan(0.15);
    expect(share(rows.filter((row) => row.hasVolumeDiscount).length, rows.length)).toBeGreaterThan(0.2);
    expect(share(rows.filter((row) => row.coaMediaId).length, rows.length)).toBeGreaterThan(0.1);
  });

  it('gives most flower and concentrate listings a lab certificate, as a wholesale buyer expects', async () => {
    const tested = (await catalog()).filter((row) => row.category === 'flower' || row.category === 'concentrate');
    expect(tested.length).toBeGreaterThan(50);
    expect(share(tested.filter((row) => row.coaMediaId).length, tested.length)).toBeGreaterThan(0.75);
  });

  it('stores products the vendor console could save unchanged', async () => {
    for (const row of await catalog()) {
      const [stock] = await app.deps.db.select().from(inventoryItems).where(eq(inventoryItems.productId, row.id));
      const tiers = await app.deps.db
        .select()
        .from(productVolumeDiscounts)
        .where(eq(productVolumeDiscounts.productId, row.id))
        .orderBy(asc(productVolumeDiscounts.minQty));
      const gallery = await app.deps.db
        .select()
        .from(productMedia)
        .where(eq(productMedia.productId, row.id))
        .orderBy(asc(productMedia.position));
      // A create request omits what a product does not have; the stored row has nulls there.
      const present = Object.entries(editableValuesOf(row)).filter(([, value]) => value !== null);
      const input = createProductInput.safeParse({
        ...Object.fromEntries(present),
        inventory: { onHandQty: stock?.onHandQty, lowStockThreshold: stock?.lowStockThreshold },
        volumeDiscounts: tiers.map((tier) => ({ minQty: tier.minQty, discountPercent: Number(tier.discountPercent) })),
        mediaIds: gallery.map((item) => item.mediaId),
        coaMediaId: row.coaMediaId,
      });
      expect(input.error?.issues ?? [], row.title).toEqual([]);
      expect(row.hasVolumeDiscount).toBe(tiers.length > 0);
      expect(gallery.map((item) => item.position)).toEqual(gallery.map((_, index) => index));
      expect(gallery.length).toBeGreaterThanOrEqual(1);
      expect(gallery.length).toBeLessThanOrEqual(3);
    }
  });

  it('records every gallery picture and COA as an attachment of a readable file of the right kind', async () => {
    const rows = await app.deps.db
      .select({ product: products, item: productMedia, file: media })
      .from(productMedia)
      .innerJoin(products, eq(products.id, productMedia.productId))
      .innerJoin(media, eq(media.id, productMedia.mediaId))
      .where(inArray(products.storeId, vendorIds));
    for (const { product, item, file } of rows) {
      expect(file).toMatchObject({ kind: 'product', status: 'uploaded', storeId: product.storeId });
      expect(item.objectKey).toBe(file.objectKey);
    }
    const usages = await app.deps.db
      .select({ entityType: mediaAttachments.entityType, entityId: mediaAttachments.entityId, kind: media.kind })
      .from(mediaAttachments)
      .innerJoin(media, eq(media.id, mediaAttachments.mediaId))
      .where(inArray(mediaAttachments.storeId, vendorIds));
    const galleryUsages = usages.filter((usage) => usage.entityType === 'product_gallery');
    expect(galleryUsages).toHaveLength(rows.length);
    const coaUsages = usages.filter((usage) => usage.entityType === 'product_coa');
    expect(coaUsages.every((usage) => usage.kind === 'coa')).toBe(true);
    const withCoa = (await catalog()).filter((row) => row.coaMediaId).map((row) => row.id);
    expect(coaUsages.map((usage) => usage.entityId).sort()).toEqual(withCoa.sort());
  });

  it('stores every seeded file with its recorded type and size; pictures are distinct PNGs', async () => {
    const files = await app.deps.db.select().from(media).where(inArray(media.storeId, vendorIds));
    const pictureHashes = new Set<string>();
    for (const file of files) {
      expect(await app.deps.storage.statObject(file.objectKey)).toEqual({
        sizeBytes: file.sizeBytes,
        contentType: file.mimeType,
      });
      const bytes = await readObject(file.objectKey);
      if (file.mimeType === 'application/pdf') {
        expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        continue;
      }
      const png = PNG.sync.read(bytes);
      if (file.kind === 'product') {
        // 4:3 like the gallery, with a 4:3 grid-size rendition stored beside it.
        expect([png.width, png.height]).toEqual([PRODUCT_IMAGE_WIDTH, (PRODUCT_IMAGE_WIDTH * 3) / 4]);
        expect(file.thumbnailKey).toBe(mediaThumbnailKey(file.objectKey));
        const thumbnail = PNG.sync.read(await readObject(file.thumbnailKey ?? ''));
        expect([thumbnail.width, thumbnail.height]).toEqual([
          PRODUCT_THUMBNAIL_WIDTH,
          (PRODUCT_THUMBNAIL_WIDTH * 3) / 4,
        ]);
        pictureHashes.add(createHash('sha256').update(bytes).digest('hex'));
      } else {
        expect(file.thumbnailKey).toBeNull();
      }
    }
    const pictures = files.filter((file) => file.kind === 'product').length;
    expect(pictures).toBeGreaterThanOrEqual(vendorIds.length * 10);
    expect(pictureHashes.size).toBe(pictures);
  });

  it('builds the same catalog from the same profile (ids aside)', () => {
    const [vendor] = DEMO_VENDORS;
    if (!vendor) throw new Error('no demo vendor');
    const now = new Date('2026-03-01T12:00:00Z');
    const build = () => buildVendorCatalog(vendor, { storeId: randomUUID(), userId: randomUUID() }, now);
    const comparable = (built: ReturnType<typeof build>) => ({
      products: built.products.map(({ id, storeId, coaMediaId, ...facts }) => ({
        ...facts,
        hasCoa: Boolean(coaMediaId),
      })),
      stock: built.stock.map(({ productId, ...facts }) => facts),
      tiers: built.tiers.map(({ productId, storeId, ...facts }) => facts),
      files: built.files.map((file) => [
        file.kind,
        file.fileName,
        createHash('sha256').update(file.bytes).digest('hex'),
      ]),
    });
    expect(comparable(build())).toEqual(comparable(build()));
  });
});

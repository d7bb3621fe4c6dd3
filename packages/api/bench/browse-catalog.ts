import {
  type Database,
  inventoryItems,
  media,
  productMedia,
  products,
  productVolumeDiscounts,
  storeMemberships,
  stores,
  users,
} from '@pf/db';
import { mediaObjectKey } from '@pf/domain';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { VENDOR_STATES, VENDOR_WORDS } from '../src/catalog-vocabulary';
import { seededRandom } from '../src/seeded-random';
import { bulkInsert } from './browse-bulk-insert';
import { productFacts, stockFacts } from './browse-catalog-rows';

export interface CatalogOptions {
  /** Products to create (default 100,000). */
  products?: number;
  /** Same seed, same catalog (ids, titles, prices, dates). */
  seed?: number;
  /** Scales the vendor count per state (default 1 = 50 vendors). */
  vendorScale?: number;
  /** Stored for every generated vendor owner; the default is no valid hash, so they cannot sign in. */
  passwordHash?: string;
  /** Products are created over the year before this instant. */
  anchor?: Date;
}

export interface GeneratedVendor {
  id: string;
  name: string;
  state: string;
  /** Passes the buyer gate of its state (verified and subscribed); every product still has its own is_active. */
  listed: boolean;
  products: number;
}

const DAY_MS = 86_400_000;

async function insertRows<T>(db: Database, table: PgTable, rows: T[]) {
  // biome-ignore lint/suspicious/noExplicitAny: a few small tables; drizzle checks each call site's rows.
  if (rows.length > 0) await db.insert(table).values(rows as any);
}

function planVendors(random: ReturnType<typeof seededRandom>, seed: number, scale: number) {
  const vendors: (GeneratedVendor & { ownerId: string; city: string; lat: number; lng: number; code: string })[] = [];
  for (const place of VENDOR_STATES) {
    for (let i = 0; i < Math.max(1, Math.round(place.vendors * scale)); i++) {
      const index = vendors.length;
      vendors.push({
        id: random.uuid(),
        ownerId: random.uuid(),
        name: `${random.pick(VENDOR_WORDS.first)} ${random.pick(VENDOR_WORDS.second)} ${place.state}-${index + 1}`,
        code: `V${seed % 1000}${String(index + 1).padStart(2, '0')}`,
        state: place.state,
        city: place.city,
        lat: place.lat,
        lng: place.lng,
        // A few vendors fail the gate, as in a real marketplace: not yet verified, or lapsed subscription.
        listed: index % 7 !== 3 && index % 11 !== 5,
        products: 0,
      });
    }
  }
  return vendors;
}

/**
 * Creates vendors (with owners), products, stock, discount tiers and gallery rows with multi-row INSERTs.
 * Deterministic for a seed; run it once per seed and database (ids and emails would collide).
 */
export async function generateCatalog(db: Database, options: CatalogOptions = {}) {
  const total = options.products ?? 100_000;
  const seed = options.seed ?? 42;
  const anchor = (options.anchor ?? new Date('2026-01-01T00:00:00Z')).getTime();
  const random = seededRandom(seed);
  const vendors = planVendors(random, seed, options.vendorScale ?? 1);
  // Uneven catalogs: some vendors list five times as much as others.
  const weights = vendors.map(() => 0.4 + 1.6 * random.next());
  const weightSum = weights.reduce((sum, w) => sum + w, 0);

  await insertRows(
    db,
    users,
    vendors.map((v, i) => ({
      id: v.ownerId,
      email: `catalog-${seed}-vendor-${i + 1}@example.test`,
      passwordHash: options.passwordHash ?? 'generated-catalog-owner-cannot-sign-in',
      firstName: 'Catalog',
      lastName: `Vendor ${i + 1}`,
    })),
  );
  await insertRows(
    db,
    stores,
    vendors.map((v, i) => ({
      id: v.id,
      type: 'vendor' as const,
      companyName: v.name,
      kycStatus: i % 7 === 3 ? ('pending_verification' as const) : ('verified' as const),
      subscriptionActive: i % 11 !== 5,
      address: {
        line1: `${100 + i} Market St`,
        city: v.city,
        state: v.state,
        postalCode: '00000',
        country: 'US',
        lat: v.lat,
        lng: v.lng,
      },
      ownerUserId: v.ownerId,
    })),
  );
  await insertRows(
    db,
    storeMemberships,
    vendors.map((v) => ({ storeId: v.id, userId: v.ownerId, role: 'owner' as const, status: 'active' as const })),
  );

  let made = 0;
  for (const [index, vendor] of vendors.entries()) {
    const share = index === vendors.length - 1 ? total - made : Math.round((total * (weights[index] ?? 1)) / weightSum);
    vendor.products = Math.max(0, Math.min(share, total - made));
    made += vendor.products;
    const productRows = [];
    const stockRows = [];
    const tierRows = [];
    const mediaRows = [];
    const galleryRows = [];
    for (let n = 0; n < vendor.products; n++) {
      const id = random.uuid();
      const facts = productFacts(random, vendor.code, n + 1);
      const deleted = random.chance(0.01);
      const hasVolumeDiscount = random.chance(0.3);
      const createdAt = new Date(anchor - random.next() * 365 * DAY_MS);
      productRows.push({
        id,
        storeId: vendor.id,
        ...facts,
        isActive: !deleted && random.chance(0.96),
        hasVolumeDiscount,
        deletedAt: deleted ? createdAt : null,
        createdAt,
        updatedAt: createdAt,
      });
      stockRows.push({ productId: id, ...stockFacts(random) });
      if (hasVolumeDiscount) {
        tierRows.push({ storeId: vendor.id, productId: id, minQty: 10, discountPercent: '5' });
        tierRows.push({ storeId: vendor.id, productId: id, minQty: 25, discountPercent: '10' });
      }
      const pictures = random.chance(0.08) ? 0 : random.chance(0.3) ? 2 : 1;
      for (let position = 0; position < pictures; position++) {
        const mediaId = random.uuid();
        const objectKey = mediaObjectKey(vendor.id, 'product', mediaId, 'jpg');
        mediaRows.push({
          id: mediaId,
          storeId: vendor.id,
          userId: vendor.ownerId,
          kind: 'product' as const,
          status: 'uploaded' as const,
          objectKey,
          fileName: `product-${n + 1}-${position}.jpg`,
          mimeType: 'image/jpeg',
          sizeBytes: random.int(40_000, 900_000),
          uploadedAt: createdAt,
          createdAt,
        });
        galleryRows.push({ productId: id, mediaId, objectKey, position, createdAt });
      }
    }
    await bulkInsert(db, products, productRows);
    await bulkInsert(db, inventoryItems, stockRows);
    await bulkInsert(db, productVolumeDiscounts, tierRows);
    await bulkInsert(db, media, mediaRows);
    await bulkInsert(db, productMedia, galleryRows);
  }
  // Fresh statistics, and the visibility map set so index-only scans skip the heap: what autovacuum does to a
  // catalog over time, done now so the planner and the benchmark see a settled table.
  await db.execute(
    sql`vacuum (analyze) stores, products, inventory_items, product_media, product_volume_discounts, media`,
  );
  return vendors.map(({ id, name, state, listed, products: count }) => ({ id, name, state, listed, products: count }));
}

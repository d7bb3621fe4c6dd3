import { randomUUID } from 'node:crypto';
import {
  auditLog,
  inventoryItems,
  media,
  mediaAttachments,
  productMedia,
  products,
  productVolumeDiscounts,
  stores,
} from '@pf/db';
import type { CreateProductInput, KycStatus, MediaKind, MediaStatus } from '@pf/domain';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { TestApp } from '../src/testing';

/** A valid create request; tests override only what they are about. */
export const productInput = (overrides: Partial<CreateProductInput> = {}): CreateProductInput => ({
  sku: `SKU-${randomUUID().slice(0, 8)}`,
  title: 'Blue Dream Flower',
  category: 'flower',
  unit: 'gram',
  feelings: ['relaxed'],
  flavors: ['citrus'],
  usage: ['sleep'],
  moq: 1,
  priceCents: 1250,
  inventory: { onHandQty: 40, lowStockThreshold: 5 },
  ...overrides,
});

/**
 * A media row as the upload flow leaves it once the bytes are stored. Written directly: uploading is the
 * media API's business, and these tests only need files in a given store, kind and status.
 */
export async function insertMedia(
  app: TestApp,
  storeId: string,
  { kind = 'product', status = 'uploaded' }: { kind?: MediaKind; status?: MediaStatus } = {},
) {
  const id = randomUUID();
  const ext = kind === 'coa' ? 'pdf' : 'png';
  await app.deps.db.insert(media).values({
    id,
    storeId,
    kind,
    status,
    objectKey: `${storeId}/${kind}/${id}.${ext}`,
    fileName: `file.${ext}`,
    mimeType: kind === 'coa' ? 'application/pdf' : 'image/png',
    sizeBytes: 1234,
    uploadedAt: status === 'pending' ? null : new Date(),
  });
  return id;
}

/** A live product with stock, inserted directly (for access checks that only need one to exist). */
export async function insertProduct(app: TestApp, storeId: string, values: Partial<typeof products.$inferInsert> = {}) {
  const [row] = await app.deps.db
    .insert(products)
    .values({
      storeId,
      sku: `SKU-${randomUUID().slice(0, 8)}`,
      title: 'Fixture product',
      category: 'flower',
      unit: 'gram',
      priceCents: 1000,
      ...values,
    })
    .returning({ id: products.id });
  if (!row) throw new Error('product insert failed');
  await app.deps.db.insert(inventoryItems).values({ productId: row.id, onHandQty: 10 });
  return row.id;
}

/** Sets the facts the buyer-visibility rule reads (KYC is derived from licenses elsewhere; set directly here). */
export async function setVendorStanding(
  app: TestApp,
  storeId: string,
  standing: { kycStatus?: KycStatus; subscriptionActive?: boolean; state?: string },
) {
  const [store] = await app.deps.db.select().from(stores).where(eq(stores.id, storeId));
  if (!store) throw new Error('no such store');
  await app.deps.db
    .update(stores)
    .set({
      kycStatus: standing.kycStatus ?? store.kycStatus,
      subscriptionActive: standing.subscriptionActive ?? store.subscriptionActive,
      address: { ...store.address, state: (standing.state ?? store.address.state) as typeof store.address.state },
    })
    .where(eq(stores.id, storeId));
}

/** Everything a product write touches, so a refused request can be shown to have stored nothing. */
export async function catalogSnapshot(app: TestApp) {
  const db = app.deps.db;
  const count = async (table: typeof products | typeof productVolumeDiscounts | typeof productMedia) =>
    (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]?.n ?? 0;
  return {
    products: await db
      .select({ id: products.id, updatedAt: products.updatedAt, deletedAt: products.deletedAt })
      .from(products)
      .orderBy(asc(products.id)),
    inventory: await db.select().from(inventoryItems).orderBy(asc(inventoryItems.productId)),
    tiers: await count(productVolumeDiscounts),
    gallery: await count(productMedia),
    attachments: (await db.select({ n: sql<number>`count(*)::int` }).from(mediaAttachments))[0]?.n ?? 0,
    audit: (await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0]?.n ?? 0,
  };
}

export const auditRowsFor = (app: TestApp, productId: string) =>
  app.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetType, 'product'), eq(auditLog.targetId, productId)))
    .orderBy(asc(auditLog.createdAt));

export const attachmentsOf = (app: TestApp, productId: string) =>
  app.deps.db
    .select({ mediaId: mediaAttachments.mediaId, entityType: mediaAttachments.entityType })
    .from(mediaAttachments)
    .where(eq(mediaAttachments.entityId, productId))
    .orderBy(asc(mediaAttachments.entityType), asc(mediaAttachments.mediaId));

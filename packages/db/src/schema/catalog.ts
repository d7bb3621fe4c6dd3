import { CLASSIFICATIONS, FEELINGS, FLAVORS, PRODUCT_CATEGORIES, PRODUCT_UNITS, USAGES } from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { media } from './compliance';
import { stores } from './identity';

export const productCategory = pgEnum('product_category', PRODUCT_CATEGORIES);
export const classification = pgEnum('classification', CLASSIFICATIONS);
export const productUnit = pgEnum('product_unit', PRODUCT_UNITS);
export const flavor = pgEnum('flavor', FLAVORS);
export const feeling = pgEnum('feeling', FEELINGS);
export const usage = pgEnum('usage', USAGES);

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A vendor's product (DOMAIN §2.11). Deleted products referenced by orders stay as rows with deleted_at. */
export const products = pgTable(
  'products',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    sku: text().notNull(),
    title: text().notNull(),
    subtitle: text(),
    bodyHtml: text(),
    category: productCategory().notNull(),
    feelings: feeling().array().notNull().default(sql`'{}'`),
    flavors: flavor().array().notNull().default(sql`'{}'`),
    usage: usage().array().notNull().default(sql`'{}'`),
    strain: text(),
    classification: classification(),
    unit: productUnit().notNull(),
    moq: integer().notNull().default(1),
    /** Per-line maximum; 0 means no limit. */
    maxQty: integer().notNull().default(0),
    priceCents: integer().notNull(),
    compareAtPriceCents: integer(),
    isActive: boolean().notNull().default(true),
    isFeatured: boolean().notNull().default(false),
    thcPercent: numeric({ precision: 5, scale: 2 }),
    cbdPercent: numeric({ precision: 5, scale: 2 }),
    coaMediaId: uuid().references(() => media.id, { onDelete: 'set null' }),
    /** Maintained with the tiers so browse can filter on it without a join. */
    hasVolumeDiscount: boolean().notNull().default(false),
    batchId: text(),
    metricTag: text(),
    barcode: text(),
    packagingType: text(),
    searchVector: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(strain, '') || ' ' || coalesce(sku, '')), 'B') || setweight(to_tsvector('english', coalesce(subtitle, '')), 'C')`,
    ),
    deletedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_store_created_idx').on(t.storeId, t.createdAt.desc(), t.id.desc()),
    index('products_search_idx').using('gin', t.searchVector),
    index('products_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
    // Buyer browse (packages/api/src/services/browse): one range per listed vendor in sort order, with every
    // grid filter as a key column, so filtering happens inside an index-only scan. Partial on what buyers can
    // ever see; the vendor's own catalog (inactive included) uses products_store_created_idx.
    index('products_browse_newest_idx')
      .on(
        t.storeId,
        t.createdAt.desc(),
        t.id.desc(),
        t.category,
        t.classification,
        t.priceCents,
        t.thcPercent,
        t.cbdPercent,
        t.hasVolumeDiscount,
      )
      .where(sql`${t.isActive} and ${t.deletedAt} is null`),
    index('products_browse_price_idx')
      .on(t.storeId, t.priceCents, t.id, t.category, t.classification, t.thcPercent, t.cbdPercent, t.hasVolumeDiscount)
      .where(sql`${t.isActive} and ${t.deletedAt} is null`),
    check('products_moq_check', sql`${t.moq} >= 1`),
    check('products_max_qty_check', sql`${t.maxQty} = 0 or ${t.maxQty} >= ${t.moq}`),
    check('products_price_check', sql`${t.priceCents} >= 0`),
    check('products_compare_at_check', sql`${t.compareAtPriceCents} is null or ${t.compareAtPriceCents} >= 0`),
    check('products_thc_check', sql`${t.thcPercent} is null or ${t.thcPercent} between 0 and 100`),
    check('products_cbd_check', sql`${t.cbdPercent} is null or ${t.cbdPercent} between 0 and 100`),
  ],
);

/**
 * Stock of one product (DOMAIN §2.12, §3.9). One model: `on_hand` units exist, `reserved` are held by open
 * orders, free = on_hand − reserved, never negative.
 */
export const inventoryItems = pgTable(
  'inventory_items',
  {
    productId: uuid()
      .primaryKey()
      .references(() => products.id, { onDelete: 'cascade' }),
    onHandQty: integer().notNull().default(0),
    reservedQty: integer().notNull().default(0),
    lowStockThreshold: integer().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('inventory_reserved_check', sql`${t.reservedQty} >= 0 and ${t.reservedQty} <= ${t.onHandQty}`),
    check('inventory_threshold_check', sql`${t.lowStockThreshold} >= 0`),
  ],
);

/** Percentage tiers (DOMAIN §2.13, §4.4). */
export const productVolumeDiscounts = pgTable(
  'product_volume_discounts',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    minQty: integer().notNull(),
    discountPercent: numeric({ precision: 7, scale: 4 }).notNull().default('0'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_volume_discounts_tier_key').on(t.productId, t.minQty),
    check('product_volume_discounts_min_qty_check', sql`${t.minQty} >= 1`),
    check('product_volume_discounts_percent_check', sql`${t.discountPercent} between 0 and 100`),
  ],
);

/** Ordered gallery (DOMAIN §2.14); position 0 is the thumbnail. */
export const productMedia = pgTable(
  'product_media',
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    mediaId: uuid()
      .notNull()
      .references(() => media.id, { onDelete: 'restrict' }),
    objectKey: text().notNull(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('product_media_position_key').on(t.productId, t.position),
    index('product_media_media_idx').on(t.mediaId),
    check('product_media_position_check', sql`${t.position} >= 0`),
  ],
);

import { z } from 'zod';
import { CLASSIFICATIONS, FEELINGS, FLAVORS, PRODUCT_CATEGORIES, PRODUCT_UNITS, USAGES } from '../catalog/enums';
import { STOCK_AVAILABILITIES } from '../catalog/pricing';

/** What vendors and buyers read back about products (issue 5). Inputs live in `products.ts`. */

export const VENDOR_PRODUCT_PAGE_SIZE = 25;
export const VENDOR_PRODUCT_PAGE_MAX = 100;
export const VENDOR_PRODUCT_SORTS = [
  'newest',
  'title_asc',
  'title_desc',
  'price_asc',
  'price_desc',
  'stock_asc',
  'stock_desc',
] as const;
export type VendorProductSort = (typeof VENDOR_PRODUCT_SORTS)[number];

/** The vendor's catalog table: own store only, inactive included, deleted never. */
export const listVendorProductsInput = z
  .strictObject({
    q: z.string().trim().max(100, 'is too long').optional(),
    category: z.enum(PRODUCT_CATEGORIES).optional(),
    status: z.enum(['active', 'inactive']).optional(),
    lowStockOnly: z.boolean().optional(),
    sort: z.enum(VENDOR_PRODUCT_SORTS).default('newest'),
    limit: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(VENDOR_PRODUCT_PAGE_MAX, `must be at most ${VENDOR_PRODUCT_PAGE_MAX}`)
      .default(VENDOR_PRODUCT_PAGE_SIZE),
    /** Opaque; valid only with the sort it was issued for. */
    cursor: z.string().min(1, 'is invalid').max(400, 'is invalid').nullish(),
    /** Sent by TanStack infinite queries along with the cursor; pages only go forward. */
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .prefault({});
export type ListVendorProductsQuery = z.output<typeof listVendorProductsInput>;

/** Stock under the one inventory model: on hand, held by open orders, and the free rest. */
export const stockDto = z.object({
  onHandQty: z.number(),
  reservedQty: z.number(),
  availableQty: z.number(),
  lowStockThreshold: z.number(),
  lowStock: z.boolean(),
  updatedAt: z.string(),
});
export type StockDto = z.infer<typeof stockDto>;

export const discountTierDto = z.object({ minQty: z.number(), discountPercent: z.number() });

export const galleryItemDto = z.object({
  mediaId: z.string(),
  position: z.number(),
  mimeType: z.string(),
  /** Short-lived read URL; null while the media cannot be read (e.g. being deleted). */
  url: z.string().nullable(),
  /** The image at thumbnail size when it has a small rendition, else the same as `url`. */
  thumbnailUrl: z.string().nullable(),
});

const productFacts = {
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  description: z.string().nullable(),
  category: z.enum(PRODUCT_CATEGORIES),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  strain: z.string().nullable(),
  unit: z.enum(PRODUCT_UNITS),
  feelings: z.array(z.enum(FEELINGS)),
  flavors: z.array(z.enum(FLAVORS)),
  usage: z.array(z.enum(USAGES)),
  moq: z.number(),
  /** 0 means no per-line maximum. */
  maxQty: z.number(),
  priceCents: z.number(),
  compareAtPriceCents: z.number().nullable(),
  thcPercent: z.number().nullable(),
  cbdPercent: z.number().nullable(),
  hasVolumeDiscount: z.boolean(),
  volumeDiscounts: z.array(discountTierDto),
  gallery: z.array(galleryItemDto),
  coaUrl: z.string().nullable(),
};

/** Everything the vendor console edits, as stored. */
export const vendorProductDto = z.object({
  ...productFacts,
  storeId: z.string(),
  isActive: z.boolean(),
  isFeatured: z.boolean(),
  batchId: z.string().nullable(),
  metricTag: z.string().nullable(),
  barcode: z.string().nullable(),
  packagingType: z.string().nullable(),
  coaMediaId: z.string().nullable(),
  inventory: stockDto,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VendorProductDto = z.infer<typeof vendorProductDto>;

/** A row of the vendor's catalog table: the listing facts, state and stock, without long texts or gallery. */
export const vendorProductRow = z
  .object(productFacts)
  .pick({
    id: true,
    sku: true,
    title: true,
    category: true,
    classification: true,
    unit: true,
    moq: true,
    maxQty: true,
    priceCents: true,
    compareAtPriceCents: true,
    thcPercent: true,
    cbdPercent: true,
    hasVolumeDiscount: true,
  })
  .extend({
    isActive: z.boolean(),
    isFeatured: z.boolean(),
    coaAdded: z.boolean(),
    thumbnailUrl: z.string().nullable(),
    stock: stockDto,
    createdAt: z.string(),
    updatedAt: z.string(),
  });
export type VendorProductRow = z.infer<typeof vendorProductRow>;

export const vendorProductPage = z.object({
  items: z.array(vendorProductRow),
  nextCursor: z.string().nullable(),
  /** Products matching the filters (all pages). */
  total: z.number(),
});
export type VendorProductPage = z.infer<typeof vendorProductPage>;

export const inventoryResult = stockDto.extend({ productId: z.string() });
export type InventoryResult = z.infer<typeof inventoryResult>;

export const VENDOR_BADGES = ['verified'] as const;

/** The seller as a buyer sees it next to a product (PF-211). */
export const vendorSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  logoUrl: z.string().nullable(),
  city: z.string(),
  state: z.string(),
  badges: z.array(z.enum(VENDOR_BADGES)),
});

/** The seller on its own storefront: the summary plus what its store settings tell buyers. */
export const storefrontVendorDto = vendorSummaryDto.extend({
  /** "About the business" from the store settings. */
  description: z.string().nullable(),
  phone: z.string().nullable(),
  bannerUrl: z.string().nullable(),
});
export type StorefrontVendorDto = z.infer<typeof storefrontVendorDto>;

/** Buyer product detail: no compliance codes or exact on-hand counts, only what is free to order. */
export const productDetailDto = z.object({
  ...productFacts,
  availableQty: z.number(),
  inStock: z.boolean(),
  availability: z.enum(STOCK_AVAILABILITIES),
  vendor: vendorSummaryDto,
});
export type ProductDetailDto = z.infer<typeof productDetailDto>;

import { z } from 'zod';
import { CLASSIFICATIONS, PRODUCT_CATEGORIES, PRODUCT_UNITS } from '../catalog/enums';
import { STOCK_AVAILABILITIES } from '../catalog/pricing';
import { uuidSchema } from '../text';

export const BROWSE_PAGE_SIZE = 24;
export const BROWSE_PAGE_MAX = 100;
export const BROWSE_SORTS = ['relevance', 'price_asc', 'price_desc', 'newest'] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

const percentBound = z.number('must be a number').min(0, 'must be 0–100').max(100, 'must be 0–100').optional();
const centsBound = z.number('must be a number').int('must be whole cents').min(0, 'must be 0 or more').optional();

const rangeIsOrdered = (min?: number, max?: number) => min === undefined || max === undefined || min <= max;

/**
 * Buyer browse query (issue 5). Without `q` the default sort is newest; `relevance` needs `q`. The cursor is
 * opaque and only valid with the same filters and sort.
 */
export const browseProductsInput = z
  .strictObject({
    q: z.string().trim().max(100, 'is too long').optional(),
    categories: z.array(z.enum(PRODUCT_CATEGORIES)).max(PRODUCT_CATEGORIES.length).optional(),
    classifications: z.array(z.enum(CLASSIFICATIONS)).max(CLASSIFICATIONS.length).optional(),
    thcMin: percentBound,
    thcMax: percentBound,
    cbdMin: percentBound,
    cbdMax: percentBound,
    priceMinCents: centsBound,
    priceMaxCents: centsBound,
    hasVolumeDiscount: z.boolean().optional(),
    vendorId: uuidSchema.optional(),
    inStock: z.boolean().optional(),
    sort: z.enum(BROWSE_SORTS).optional(),
    limit: z.number().int().min(1).max(BROWSE_PAGE_MAX).default(BROWSE_PAGE_SIZE),
    cursor: z.string().min(1).max(300, 'is invalid').nullish(),
    direction: z.enum(['forward', 'backward']).optional(),
  })
  .refine((f) => rangeIsOrdered(f.thcMin, f.thcMax), { path: ['thcMax'], message: 'must be at least the minimum' })
  .refine((f) => rangeIsOrdered(f.cbdMin, f.cbdMax), { path: ['cbdMax'], message: 'must be at least the minimum' })
  .refine((f) => rangeIsOrdered(f.priceMinCents, f.priceMaxCents), {
    path: ['priceMaxCents'],
    message: 'must be at least the minimum',
  })
  .prefault({});
export type BrowseProductsInput = z.input<typeof browseProductsInput>;
export type BrowseQuery = z.output<typeof browseProductsInput>;

export const productCardDto = z.object({
  id: z.string(),
  sku: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  category: z.enum(PRODUCT_CATEGORIES),
  classification: z.enum(CLASSIFICATIONS).nullable(),
  unit: z.enum(PRODUCT_UNITS),
  priceCents: z.number(),
  compareAtPriceCents: z.number().nullable(),
  thcPercent: z.number().nullable(),
  cbdPercent: z.number().nullable(),
  moq: z.number(),
  hasVolumeDiscount: z.boolean(),
  /** Any free stock at all (what the "In stock" filter selects). */
  inStock: z.boolean(),
  /** Whether a minimum order can be filled from the free stock. */
  availability: z.enum(STOCK_AVAILABILITIES),
  thumbnailUrl: z.string().nullable(),
  vendor: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
});
export type ProductCardDto = z.infer<typeof productCardDto>;

const facetCount = z.object({ value: z.string(), label: z.string(), count: z.number() });
export const browseFacets = z.object({
  categories: z.array(facetCount),
  classifications: z.array(facetCount),
  vendors: z.array(facetCount),
  hasVolumeDiscount: z.number(),
  inStock: z.number(),
});
export type BrowseFacets = z.infer<typeof browseFacets>;

export const browsePage = z.object({
  items: z.array(productCardDto),
  nextCursor: z.string().nullable(),
  /** Products matching the filters (all pages). */
  total: z.number(),
});
export type BrowsePage = z.infer<typeof browsePage>;

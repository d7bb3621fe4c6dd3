import { z } from 'zod';
import { CLASSIFICATIONS, FEELINGS, FLAVORS, PRODUCT_CATEGORIES, PRODUCT_UNITS, USAGES } from '../catalog/enums';
import { percentToPpm } from '../catalog/percent';
import { cleanText, clearableText, optionalText, uuidSchema } from '../text';

const MAX_CENTS = 100_000_000;
const MAX_QTY = 1_000_000;
export const MAX_GALLERY_ITEMS = 10;
export const MAX_DISCOUNT_TIERS = 10;

const wholeNumber = (min: number, max: number) =>
  z
    .number('must be a number')
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const percent = z
  .number('must be a number')
  .min(0, 'must be between 0 and 100')
  .max(100, 'must be between 0 and 100')
  // Compared with a tolerance: 18.1 * 100 is 1809.9999999999998 in binary floating point.
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'at most 2 decimals');
const tagList = <T extends readonly [string, ...string[]]>(values: T) =>
  z.array(z.enum(values)).min(1, 'choose at least one').max(values.length);

export const discountTierInput = z.strictObject({
  minQty: wholeNumber(1, MAX_QTY),
  discountPercent: z
    .number('must be a number')
    .min(0, 'must be between 0 and 100')
    .max(100, 'must be between 0 and 100')
    // The column keeps 4 decimals; more would be rounded silently and priced unlike what was typed.
    .refine((value) => value < 0 || value > 100 || percentToPpm(value) !== null, 'at most 4 decimals'),
});

/** Tiers are listed by quantity; each threshold must exceed the previous one (DOMAIN §4.2). */
const tierList = z
  .array(discountTierInput)
  .max(MAX_DISCOUNT_TIERS, `at most ${MAX_DISCOUNT_TIERS} tiers`)
  .superRefine((tiers, ctx) => {
    tiers.forEach((tier, index) => {
      const previous = tiers[index - 1];
      if (previous && tier.minQty <= previous.minQty) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'minQty'],
          message: `must be more than the previous tier (${previous.minQty})`,
        });
      }
    });
  });

const inventoryInput = z.strictObject({
  onHandQty: wholeNumber(0, MAX_QTY),
  lowStockThreshold: wholeNumber(0, MAX_QTY).default(0),
});

const productFields = {
  sku: cleanText(64),
  title: cleanText(160),
  subtitle: optionalText(240),
  description: optionalText(5000),
  category: z.enum(PRODUCT_CATEGORIES, 'choose a category'),
  classification: z.enum(CLASSIFICATIONS).nullish(),
  strain: optionalText(120),
  unit: z.enum(PRODUCT_UNITS, 'choose a unit'),
  feelings: tagList(FEELINGS),
  flavors: tagList(FLAVORS),
  usage: tagList(USAGES),
  moq: wholeNumber(1, MAX_QTY),
  /** 0 means no per-line maximum. */
  maxQty: wholeNumber(0, MAX_QTY).default(0),
  priceCents: wholeNumber(0, MAX_CENTS),
  compareAtPriceCents: wholeNumber(0, MAX_CENTS).nullish(),
  thcPercent: percent.nullish(),
  cbdPercent: percent.nullish(),
  isActive: z.boolean().default(true),
  isFeatured: z.boolean().default(false),
  batchId: optionalText(64),
  metricTag: optionalText(64),
  barcode: optionalText(64),
  packagingType: optionalText(64),
  inventory: inventoryInput,
  /** Gallery in display order; the first image is the thumbnail. */
  mediaIds: z.array(uuidSchema).max(MAX_GALLERY_ITEMS, `at most ${MAX_GALLERY_ITEMS} images`).default([]),
  coaMediaId: uuidSchema.nullish(),
  volumeDiscounts: tierList.default([]),
};

const maxAtLeastMoq = (input: { moq?: number; maxQty?: number }) =>
  input.maxQty === undefined || input.moq === undefined || input.maxQty === 0 || input.maxQty >= input.moq;
const distinctMedia = (input: { mediaIds?: string[] }) =>
  !input.mediaIds || new Set(input.mediaIds).size === input.mediaIds.length;

export const createProductInput = z
  .strictObject(productFields)
  .refine(maxAtLeastMoq, { path: ['maxQty'], message: 'must be 0 (no limit) or at least the MOQ' })
  .refine(distinctMedia, { path: ['mediaIds'], message: 'an image can appear only once' });
export type CreateProductInput = z.input<typeof createProductInput>;
export type CreateProductData = z.output<typeof createProductInput>;

/** Every field optional; arrays replace wholesale; null clears a clearable field. */
export const updateProductInput = z
  .strictObject({
    productId: uuidSchema,
    sku: productFields.sku.optional(),
    title: productFields.title.optional(),
    subtitle: clearableText(240),
    description: clearableText(5000),
    category: productFields.category.optional(),
    classification: z.enum(CLASSIFICATIONS).nullable().optional(),
    strain: clearableText(120),
    unit: productFields.unit.optional(),
    feelings: productFields.feelings.optional(),
    flavors: productFields.flavors.optional(),
    usage: productFields.usage.optional(),
    moq: productFields.moq.optional(),
    maxQty: wholeNumber(0, MAX_QTY).optional(),
    priceCents: productFields.priceCents.optional(),
    compareAtPriceCents: wholeNumber(0, MAX_CENTS).nullable().optional(),
    thcPercent: percent.nullable().optional(),
    cbdPercent: percent.nullable().optional(),
    isActive: z.boolean().optional(),
    isFeatured: z.boolean().optional(),
    batchId: clearableText(64),
    metricTag: clearableText(64),
    barcode: clearableText(64),
    packagingType: clearableText(64),
    inventory: z
      .strictObject({
        onHandQty: wholeNumber(0, MAX_QTY).optional(),
        lowStockThreshold: wholeNumber(0, MAX_QTY).optional(),
      })
      .optional(),
    mediaIds: z.array(uuidSchema).max(MAX_GALLERY_ITEMS, `at most ${MAX_GALLERY_ITEMS} images`).optional(),
    coaMediaId: uuidSchema.nullable().optional(),
    volumeDiscounts: tierList.optional(),
  })
  .refine(maxAtLeastMoq, { path: ['maxQty'], message: 'must be 0 (no limit) or at least the MOQ' })
  .refine(distinctMedia, { path: ['mediaIds'], message: 'an image can appear only once' });
export type UpdateProductInput = z.output<typeof updateProductInput>;

export const setInventoryInput = z.strictObject({
  productId: uuidSchema,
  onHandQty: wholeNumber(0, MAX_QTY),
  lowStockThreshold: wholeNumber(0, MAX_QTY).optional(),
});

export const productIdInput = z.strictObject({ productId: uuidSchema });

import {
  type CreateProductInput,
  type ProductCategory,
  type UpdateProductInput,
  updateProductInput,
  type VendorProductDto,
} from '@pf/domain';

/**
 * The product editor's values are the create contract's input (`createProductInput`), so the same zod schema
 * validates the form in the browser and the request on the server. Blank text is '' (the schema turns it
 * into "absent"); a blank required number is NaN, which the schema reports as "must be a number".
 */
export type ProductFormValues = CreateProductInput;

export function emptyProductValues(): ProductFormValues {
  return {
    title: '',
    sku: '',
    subtitle: '',
    description: '',
    // No category until the vendor picks one: the select starts on its placeholder.
    category: '' as ProductCategory,
    classification: null,
    strain: '',
    unit: 'unit',
    feelings: [],
    flavors: [],
    usage: [],
    moq: 1,
    maxQty: 0,
    priceCents: Number.NaN,
    compareAtPriceCents: null,
    thcPercent: null,
    cbdPercent: null,
    isActive: true,
    isFeatured: false,
    batchId: '',
    metricTag: '',
    barcode: '',
    packagingType: '',
    inventory: { onHandQty: 0, lowStockThreshold: 0 },
    mediaIds: [],
    coaMediaId: null,
    volumeDiscounts: [],
  };
}

/** A stored product as the editor's starting values. */
export function productValuesOf(product: VendorProductDto): ProductFormValues {
  return {
    title: product.title,
    sku: product.sku,
    subtitle: product.subtitle ?? '',
    description: product.description ?? '',
    category: product.category,
    classification: product.classification,
    strain: product.strain ?? '',
    unit: product.unit,
    feelings: [...product.feelings],
    flavors: [...product.flavors],
    usage: [...product.usage],
    moq: product.moq,
    maxQty: product.maxQty,
    priceCents: product.priceCents,
    compareAtPriceCents: product.compareAtPriceCents,
    thcPercent: product.thcPercent,
    cbdPercent: product.cbdPercent,
    isActive: product.isActive,
    isFeatured: product.isFeatured,
    batchId: product.batchId ?? '',
    metricTag: product.metricTag ?? '',
    barcode: product.barcode ?? '',
    packagingType: product.packagingType ?? '',
    inventory: { onHandQty: product.inventory.onHandQty, lowStockThreshold: product.inventory.lowStockThreshold },
    mediaIds: product.gallery.map((item) => item.mediaId),
    coaMediaId: product.coaMediaId,
    volumeDiscounts: product.volumeDiscounts.map((tier) => ({ ...tier })),
  };
}

/** Structural equality for form data (plain objects, arrays, primitives; NaN equals NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) =>
      sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    );
  }
  return false;
}

/**
 * The update request for an edit: only the fields that differ from what was loaded, so a stock change made
 * meanwhile from the table (or by an order) is not overwritten by a save that did not touch stock. Emptied
 * text fields clear (the update contract turns '' into null); arrays are sent whole.
 */
export function updateInputOf(
  productId: string,
  values: ProductFormValues,
  loaded: ProductFormValues,
): UpdateProductInput {
  const changed: Record<string, unknown> = Object.fromEntries(
    Object.entries(values).filter(([key, value]) => !sameValue(value, loaded[key as keyof ProductFormValues])),
  );
  if (changed.inventory) {
    const inventory: Record<string, unknown> = values.inventory;
    const before: Record<string, unknown> = loaded.inventory;
    changed.inventory = Object.fromEntries(
      Object.entries(inventory).filter(([key, value]) => !sameValue(value, before[key])),
    );
  }
  return updateProductInput.parse({ productId, ...changed });
}

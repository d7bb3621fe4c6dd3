import { type DbOrTx, products } from '@pf/db';
import { AppError, type CreateProductData, type UpdateProductInput } from '@pf/domain';
import { and, eq, isNull } from 'drizzle-orm';

export type ProductRow = typeof products.$inferSelect;
type ProductValues = typeof products.$inferInsert;

/** The plain product fields a vendor edits (arrays of tags included; tiers, media and stock are separate). */
export const EDITABLE_FIELDS = [
  'sku',
  'title',
  'subtitle',
  'description',
  'category',
  'classification',
  'strain',
  'unit',
  'feelings',
  'flavors',
  'usage',
  'moq',
  'maxQty',
  'priceCents',
  'compareAtPriceCents',
  'thcPercent',
  'cbdPercent',
  'isActive',
  'isFeatured',
  'batchId',
  'metricTag',
  'barcode',
  'packagingType',
] as const satisfies readonly (keyof CreateProductData & keyof UpdateProductInput)[];
export type EditableField = (typeof EDITABLE_FIELDS)[number];

const percentOf = (value: string | null) => (value === null ? null : Number(value));
const percentColumn = (value: number | null | undefined) =>
  value === undefined ? undefined : value === null ? null : value.toFixed(2);

/** The stored row in contract terms: the description lives in `body_html`, percentages are numeric text. */
export const editableValuesOf = (row: ProductRow) => ({
  sku: row.sku,
  title: row.title,
  subtitle: row.subtitle,
  description: row.bodyHtml,
  category: row.category,
  classification: row.classification,
  strain: row.strain,
  unit: row.unit,
  feelings: row.feelings,
  flavors: row.flavors,
  usage: row.usage,
  moq: row.moq,
  maxQty: row.maxQty,
  priceCents: row.priceCents,
  compareAtPriceCents: row.compareAtPriceCents,
  thcPercent: percentOf(row.thcPercent),
  cbdPercent: percentOf(row.cbdPercent),
  isActive: row.isActive,
  isFeatured: row.isFeatured,
  batchId: row.batchId,
  metricTag: row.metricTag,
  barcode: row.barcode,
  packagingType: row.packagingType,
});
export type EditableValues = ReturnType<typeof editableValuesOf>;

/** Contract values to columns; undefined stays undefined so a patch leaves the column alone. */
export function columnsOf(values: Partial<EditableValues>): Partial<ProductValues> {
  const { description, thcPercent, cbdPercent, ...rest } = values;
  return {
    ...rest,
    bodyHtml: description,
    thcPercent: percentColumn(thcPercent),
    cbdPercent: percentColumn(cbdPercent),
  };
}

export const productNotFound = () => new AppError('NOT_FOUND', 'Product not found.');

/**
 * A live product of the caller's store. Another store's product answers exactly like a missing one, so ids
 * of other tenants cannot be probed. `lock` holds the row for the rest of the transaction.
 */
export async function findOwnProduct(
  tx: DbOrTx,
  storeId: string,
  productId: string,
  { lock = false } = {},
): Promise<ProductRow> {
  const query = tx
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.storeId, storeId), isNull(products.deletedAt)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw productNotFound();
  return row;
}

/** max_qty is 0 (no limit) or at least the MOQ, checked on the merged values so a patch of one is covered. */
export function assertMaxCoversMoq(values: { moq: number; maxQty: number }, path: 'maxQty' | 'moq') {
  if (values.maxQty === 0 || values.maxQty >= values.moq) return;
  const message =
    path === 'maxQty'
      ? 'must be 0 (no limit) or at least the MOQ'
      : `must be at most the per-order maximum (${values.maxQty})`;
  throw new AppError('VALIDATION_ERROR', 'validation failed', { violations: [{ path, code: 'custom', message }] });
}

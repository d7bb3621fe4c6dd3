import { type ProductCardDto, stockAvailability } from '@pf/domain';
import type { AppDeps } from '../../deps';
import { signedThumbnailUrl } from '../media/read-url';
import type { PageRow } from './page';
import type { ScopeVendor } from './scope';

/**
 * The position-0 gallery image as a read URL, at grid size when it has a small rendition; null without an image
 * or while it cannot be read.
 */
function thumbnailUrl(deps: AppDeps, row: PageRow): Promise<string | null> {
  if (!row.thumbnail_key || !row.thumbnail_kind || !row.thumbnail_status) return Promise.resolve(null);
  return signedThumbnailUrl(deps, {
    kind: row.thumbnail_kind,
    status: row.thumbnail_status,
    objectKey: row.thumbnail_key,
    thumbnailKey: row.thumbnail_small_key,
  });
}

/** Grid cards; vendor names come from the scope's vendor list rather than a join per row. */
export function toCards(deps: AppDeps, rows: PageRow[], vendors: ScopeVendor[]): Promise<ProductCardDto[]> {
  const names = new Map(vendors.map((v) => [v.id, v.name]));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      sku: row.sku,
      title: row.title,
      subtitle: row.subtitle,
      category: row.category,
      classification: row.classification,
      unit: row.unit,
      priceCents: row.price_cents,
      compareAtPriceCents: row.compare_at_price_cents,
      thcPercent: row.thc_percent,
      cbdPercent: row.cbd_percent,
      moq: row.moq,
      hasVolumeDiscount: row.has_volume_discount,
      inStock: row.in_stock,
      availability: stockAvailability(row.available_qty, row.moq),
      thumbnailUrl: await thumbnailUrl(deps, row),
      vendor: { id: row.store_id, name: names.get(row.store_id) ?? '' },
      createdAt: row.created_at,
    })),
  );
}

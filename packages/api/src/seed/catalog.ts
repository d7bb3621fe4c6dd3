import { randomUUID } from 'node:crypto';
import type { inventoryItems, mediaAttachments, productMedia, products, productVolumeDiscounts } from '@pf/db';
import type { ProductCategory } from '@pf/domain';
import { type Random, seededRandom } from '../seeded-random';
import { brandOf, productImage } from './images';
import type { StoreOwner } from './license';
import { type SeedFile, seedFile } from './objects';
import { textPdf } from './pdf';
import { type PlannedProduct, planProducts } from './plan-products';
import type { VendorProfile } from './profiles';

/** Pictures per vendor, shared by its listings of the same category (one picture may be in many galleries). */
const IMAGE_POOL_SIZE = 12;

/** Every row of a vendor's catalog, and the files they point at (to be stored before the rows are written). */
export interface VendorCatalog {
  files: SeedFile[];
  products: (typeof products.$inferInsert)[];
  stock: (typeof inventoryItems.$inferInsert)[];
  tiers: (typeof productVolumeDiscounts.$inferInsert)[];
  gallery: (typeof productMedia.$inferInsert)[];
  attachments: (typeof mediaAttachments.$inferInsert)[];
}

/** FNV-1a: turns the vendor code into the catalog's PRNG seed. */
const seedOf = (code: string) =>
  [...code].reduce((hash, char) => Math.imul(hash ^ (char.codePointAt(0) ?? 0), 16_777_619), 2_166_136_261) >>> 0;

/** At least one picture per category the vendor sells, the rest shared out by the category's weight. */
function imagePool(random: Random, vendor: VendorProfile, owner: StoreOwner) {
  const mix = Object.entries(vendor.mix) as [ProductCategory, number][];
  const total = mix.reduce((sum, [, weight]) => sum + weight, 0);
  const pool = new Map<ProductCategory, SeedFile[]>();
  const brand = brandOf(vendor.companyName, vendor.logoHue);
  for (const [category, weight] of mix) {
    const count = Math.max(1, Math.round((IMAGE_POOL_SIZE * weight) / total));
    pool.set(
      category,
      Array.from({ length: count }, (_, index) => {
        const picture = productImage(random, category, brand);
        const name = `${vendor.code.toLowerCase()}-${category.replace('_', '-')}-${index + 1}.png`;
        return seedFile(owner, 'product', name, 'image/png', picture.detail, picture.thumbnail);
      }),
    );
  }
  return pool;
}

function coaFile(owner: StoreOwner, vendor: VendorProfile, product: PlannedProduct['values']) {
  const percent = (value: string | null | undefined) => (value ? `${value}%` : 'not detected');
  const pdf = textPdf('Certificate of Analysis', [
    'Laboratory: Red River Analytical Labs (ISO/IEC 17025)',
    `Client: ${vendor.companyName}`,
    `Product: ${product.title}`,
    `Batch: ${product.batchId ?? product.sku}`,
    `Total THC: ${percent(product.thcPercent)}`,
    `Total CBD: ${percent(product.cbdPercent)}`,
    'Pesticides: pass   Heavy metals: pass   Microbials: pass   Residual solvents: pass',
  ]);
  return seedFile(owner, 'coa', `coa-${(product.batchId ?? product.sku).toLowerCase()}.pdf`, 'application/pdf', pdf);
}

/** The vendor's listings with stock, tiers, galleries and COAs, generated from its profile alone. */
export function buildVendorCatalog(vendor: VendorProfile, owner: StoreOwner, now: Date): VendorCatalog {
  const random = seededRandom(seedOf(vendor.code));
  const planned = planProducts(random, vendor, now);
  const pool = imagePool(random, vendor, owner);
  const catalog: VendorCatalog = {
    files: [...pool.values()].flat(),
    products: [],
    stock: [],
    tiers: [],
    gallery: [],
    attachments: [],
  };
  const attach = (file: SeedFile, entityType: 'product_gallery' | 'product_coa', entityId: string) =>
    catalog.attachments.push({
      mediaId: file.id,
      entityType,
      entityId,
      storeId: owner.storeId,
      objectKey: file.objectKey,
    });

  for (const plan of planned) {
    const id = randomUUID();
    const images = pool.get(plan.values.category) ?? [];
    const first = random.int(0, images.length - 1);
    const pictures = Array.from(
      { length: Math.min(plan.images, images.length) },
      (_, n) => images[(first + n) % images.length] as SeedFile,
    );
    const coa = plan.hasCoa ? coaFile(owner, vendor, plan.values) : null;
    catalog.products.push({ ...plan.values, id, storeId: owner.storeId, coaMediaId: coa?.id ?? null });
    catalog.stock.push({ productId: id, ...plan.stock, reservedQty: 0, updatedAt: now });
    catalog.tiers.push(
      ...plan.tiers.map((tier) => ({ ...tier, storeId: owner.storeId, productId: id, createdAt: now })),
    );
    pictures.forEach((picture, position) => {
      catalog.gallery.push({
        productId: id,
        mediaId: picture.id,
        objectKey: picture.objectKey,
        position,
        createdAt: now,
      });
      attach(picture, 'product_gallery', id);
    });
    if (coa) {
      catalog.files.push(coa);
      attach(coa, 'product_coa', id);
    }
  }
  return catalog;
}

import { randomUUID } from 'node:crypto';
import {
  findUserByEmail,
  inventoryItems,
  media,
  mediaAttachments,
  productMedia,
  products,
  productVolumeDiscounts,
  stores,
  type Transaction,
} from '@pf/db';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../deps';
import { reconcileAttachments } from '../services/media/attachments';
import { buildVendorCatalog } from './catalog';
import { bannerImage, logoImage } from './images';
import { licenseDocument, recordVerifiedLicense, type StoreOwner } from './license';
import { mediaRowOf, putObjects, type SeedFile, seedFile } from './objects';
import type { StoreProfile, VendorProfile } from './profiles';
import { insertStoreWithOwner } from './stores';

/** Older than the oldest seeded listing (plan-products spreads them over 150 days). */
const STORE_AGE_MS = 180 * 86_400_000;

export interface SeedContext {
  deps: AppDeps;
  passwordHash: string;
  /** The admin recorded as having verified every seeded license. */
  adminUserId: string;
}

async function setStoreImages(tx: Transaction, owner: StoreOwner, logo: SeedFile, banner: SeedFile) {
  await tx.update(stores).set({ logoMediaId: logo.id, bannerMediaId: banner.id }).where(eq(stores.id, owner.storeId));
  for (const [entityType, file] of [
    ['store_logo', logo],
    ['store_banner', banner],
  ] as const) {
    await reconcileAttachments(tx, {
      entityType,
      entityId: owner.storeId,
      storeId: owner.storeId,
      mediaIds: [file.id],
      kinds: ['store'],
    });
  }
}

/**
 * A licensed store with its owner, unless the owner's email is already taken (then nothing is written: an
 * install keeps whatever its people changed). Files go to storage first, so no committed row ever points at
 * a missing object; a failed run leaves only unreferenced objects behind.
 */
async function seedStore(
  context: SeedContext,
  profile: StoreProfile,
  build: (owner: StoreOwner, now: Date) => { files: SeedFile[]; write?: (tx: Transaction) => Promise<void> },
  options: { type: 'buyer' | 'vendor'; categories: string[] | null },
): Promise<boolean> {
  const { deps } = context;
  if (await findUserByEmail(deps.db, profile.owner.email)) return false;
  const now = deps.clock.now();
  const owner = { storeId: randomUUID(), userId: randomUUID() };
  const document = licenseDocument(owner, profile, now);
  const { files, write } = build(owner, now);
  await putObjects(deps, [document, ...files]);
  await deps.db.transaction(async (tx) => {
    await insertStoreWithOwner(tx, {
      owner,
      profile,
      type: options.type,
      passwordHash: context.passwordHash,
      // Vendors are listed only while subscribed (DOMAIN §5.7); buyers have no subscription.
      subscriptionActive: options.type === 'vendor',
      categories: options.categories,
      since: new Date(now.getTime() - STORE_AGE_MS),
    });
    await tx.insert(media).values([document, ...files].map((file) => mediaRowOf(file, now)));
    await recordVerifiedLicense(tx, { owner, profile, document, adminUserId: context.adminUserId, now });
    await write?.(tx);
  });
  return true;
}

export const seedBuyer = (context: SeedContext, profile: StoreProfile) =>
  seedStore(context, profile, () => ({ files: [] }), { type: 'buyer', categories: null });

/** A listed vendor: licensed, subscribed, with a logo, a banner and its whole catalog, in one transaction. */
export const seedVendor = (context: SeedContext, vendor: VendorProfile) =>
  seedStore(
    context,
    vendor,
    (owner, now) => {
      const logo = seedFile(
        owner,
        'store',
        `${vendor.code.toLowerCase()}-logo.png`,
        'image/png',
        logoImage(vendor.logoHue),
      );
      const banner = seedFile(
        owner,
        'store',
        `${vendor.code.toLowerCase()}-banner.png`,
        'image/png',
        bannerImage(vendor.logoHue),
      );
      const catalog = buildVendorCatalog(vendor, owner, now);
      return {
        files: [logo, banner, ...catalog.files],
        write: async (tx) => {
          await setStoreImages(tx, owner, logo, banner);
          // One multi-row insert per table, attachment rows included: reconcileAttachments costs a few queries
          // per product, which would dominate the seed's time, and its checks (same store, right kind, readable)
          // hold by construction for files created a moment ago for this very store.
          await tx.insert(products).values(catalog.products);
          await tx.insert(inventoryItems).values(catalog.stock);
          if (catalog.tiers.length > 0) await tx.insert(productVolumeDiscounts).values(catalog.tiers);
          await tx.insert(productMedia).values(catalog.gallery);
          await tx.insert(mediaAttachments).values(catalog.attachments);
        },
      };
    },
    { type: 'vendor', categories: Object.keys(vendor.mix) },
  );

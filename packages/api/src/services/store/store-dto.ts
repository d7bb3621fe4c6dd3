import { type DbOrTx, media, type stores } from '@pf/db';
import type { StoreDto } from '@pf/domain';
import { inArray } from 'drizzle-orm';
import type { AppDeps } from '../../deps';
import { signedReadUrl } from '../media/read-url';

type StoreRow = typeof stores.$inferSelect;

export interface StoreImageUrls {
  logoUrl: string | null;
  bannerUrl: string | null;
}

const NO_IMAGES: StoreImageUrls = { logoUrl: null, bannerUrl: null };

export const toStoreDto = (row: StoreRow, images: StoreImageUrls = NO_IMAGES): StoreDto => ({
  id: row.id,
  type: row.type,
  companyName: row.companyName,
  dbaName: row.dbaName,
  description: row.description,
  phone: row.phone,
  email: row.email,
  kycStatus: row.kycStatus,
  subscriptionActive: row.subscriptionActive,
  address: row.address,
  social: row.social ?? null,
  categories: row.categories ?? null,
  ownerUserId: row.ownerUserId,
  logoMediaId: row.logoMediaId,
  bannerMediaId: row.bannerMediaId,
  logoUrl: images.logoUrl,
  bannerUrl: images.bannerUrl,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The store DTO with read URLs for its logo and banner (null while an image is not readable). */
export async function storeDtoWithImages(deps: AppDeps, db: DbOrTx, row: StoreRow): Promise<StoreDto> {
  const ids = [row.logoMediaId, row.bannerMediaId].filter((id): id is string => id !== null);
  const images =
    ids.length > 0
      ? await db
          .select({ id: media.id, kind: media.kind, status: media.status, objectKey: media.objectKey })
          .from(media)
          .where(inArray(media.id, ids))
      : [];
  const urlOf = async (id: string | null) => {
    const image = images.find((candidate) => candidate.id === id);
    return image ? signedReadUrl(deps, image) : null;
  };
  return toStoreDto(row, { logoUrl: await urlOf(row.logoMediaId), bannerUrl: await urlOf(row.bannerMediaId) });
}

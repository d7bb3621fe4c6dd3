import type { stores } from '@pf/db';
import type { StoreDto } from '@pf/domain';

type StoreRow = typeof stores.$inferSelect;

export const toStoreDto = (row: StoreRow): StoreDto => ({
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
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

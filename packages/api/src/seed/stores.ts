import { storeMemberships, stores, type Transaction, users } from '@pf/db';
import type { StoreType } from '@pf/domain';
import type { StoreOwner } from './license';
import type { StoreProfile } from './profiles';

/**
 * The owner, the store and the owner's membership, with the ids chosen by the caller (object keys of the
 * store's files contain the store id, and those files are stored before this transaction).
 */
export async function insertStoreWithOwner(
  tx: Transaction,
  input: {
    owner: StoreOwner;
    profile: StoreProfile;
    type: StoreType;
    passwordHash: string;
    subscriptionActive: boolean;
    categories: string[] | null;
    /** When the owner signed up: before every listing of the store, as on a marketplace that has run a while. */
    since: Date;
  },
) {
  const { owner, profile, since } = input;
  await tx.insert(users).values({
    id: owner.userId,
    email: profile.owner.email,
    passwordHash: input.passwordHash,
    firstName: profile.owner.firstName,
    lastName: profile.owner.lastName,
    createdAt: since,
    updatedAt: since,
  });
  await tx.insert(stores).values({
    id: owner.storeId,
    type: input.type,
    companyName: profile.companyName,
    description: profile.description,
    phone: profile.phone,
    email: profile.owner.email,
    // Verified because the license recorded in the same transaction is (see recordVerifiedLicense).
    kycStatus: 'verified',
    subscriptionActive: input.subscriptionActive,
    address: profile.address,
    categories: input.categories,
    ownerUserId: owner.userId,
    createdAt: since,
    updatedAt: since,
  });
  await tx.insert(storeMemberships).values({
    storeId: owner.storeId,
    userId: owner.userId,
    role: 'owner',
    status: 'active',
    createdAt: since,
    updatedAt: since,
  });
}

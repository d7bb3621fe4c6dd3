import { z } from 'zod';
import { addressSchema } from '../address';
import { INVITABLE_ROLES, KYC_STATUSES, MEMBER_ROLES, MEMBERSHIP_STATUSES, STORE_TYPES } from '../identity';
import { cleanText, clearableText, emailSchema, optionalText, uuidSchema } from '../text';
import { vendorSummaryDto } from './product-views';

export const socialSchema = z.strictObject({
  twitter: optionalText(200),
  facebook: optionalText(200),
  instagram: optionalText(200),
  linkedin: optionalText(200),
  youtube: optionalText(200),
  website: optionalText(200),
});

/** Absent = unchanged, null = cleared (DOMAIN §5.3b). */
export const updateStoreInput = z.strictObject({
  companyName: cleanText(120).optional(),
  dbaName: clearableText(120),
  description: clearableText(2000),
  phone: clearableText(32),
  email: emailSchema.nullable().optional(),
  social: socialSchema.nullable().optional(),
  categories: z.array(cleanText(40)).max(20).nullable().optional(),
});
export type UpdateStoreInput = z.infer<typeof updateStoreInput>;

export const storeDto = z.object({
  id: z.string(),
  type: z.enum(STORE_TYPES),
  companyName: z.string(),
  dbaName: z.string().nullable(),
  description: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  kycStatus: z.enum(KYC_STATUSES),
  subscriptionActive: z.boolean(),
  address: addressSchema.extend({ line2: z.string().optional(), geohash: z.string().optional() }),
  social: z.record(z.string(), z.string().optional()).nullable(),
  categories: z.array(z.string()).nullable(),
  ownerUserId: z.string(),
  logoMediaId: z.string().nullable(),
  bannerMediaId: z.string().nullable(),
  /** Read URLs of the logo and banner images (public kinds, so longer-lived and cacheable). */
  logoUrl: z.string().nullable(),
  bannerUrl: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoreDto = z.infer<typeof storeDto>;

/**
 * A store as its storefront shows it to a buyer: who it is and where, never how to reach its people, its full
 * address or its compliance state beyond the verified badge (issue 10).
 */
export const publicStoreDto = vendorSummaryDto.extend({
  dbaName: z.string().nullable(),
  description: z.string().nullable(),
  bannerUrl: z.string().nullable(),
});
export type PublicStoreDto = z.infer<typeof publicStoreDto>;

/**
 * A store's team member. Until an invitation is accepted the store sees only the email it typed: the name and
 * last sign-in belong to the person's account (which may be years older than the invite), not to the store.
 */
export const memberDto = z.object({
  membershipId: z.string(),
  userId: z.string(),
  email: z.string(),
  /** Null while the membership is `invited`. */
  firstName: z.string().nullable(),
  /** Null while the membership is `invited`. */
  lastName: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  status: z.enum(MEMBERSHIP_STATUSES),
  invitedByUserId: z.string().nullable(),
  createdAt: z.string(),
  /** Null while the membership is `invited`, and for someone who never signed in. */
  lastLoginAt: z.string().nullable(),
});
export type MemberDto = z.infer<typeof memberDto>;

export const inviteMemberInput = z.strictObject({
  email: emailSchema,
  firstName: cleanText(80),
  lastName: cleanText(80),
  role: z.enum(INVITABLE_ROLES),
});
export type InviteMemberInput = z.infer<typeof inviteMemberInput>;

export const inviteResult = z.object({
  member: memberDto,
  /** Only when the invite created a brand-new account; existing users keep their password. */
  temporaryPassword: z.string().nullable(),
});

export const removeMemberInput = z.strictObject({ userId: uuidSchema });
export const changeMemberRoleInput = z.strictObject({ userId: uuidSchema, role: z.enum(INVITABLE_ROLES) });
export const storeIdInput = z.strictObject({ storeId: uuidSchema });

export const invitationDto = z.object({
  storeId: z.string(),
  storeName: z.string(),
  storeType: z.enum(STORE_TYPES),
  role: z.enum(MEMBER_ROLES),
  invitedAt: z.string(),
});

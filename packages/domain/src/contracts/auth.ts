import { z } from 'zod';
import { addressSchema } from '../address';
import { KYC_STATUSES, MEMBER_ROLES, STORE_TYPES, SYSTEM_ROLES, storeTypeSchema } from '../identity';
import { cleanText, emailSchema, newPasswordSchema, optionalText, passwordAttemptSchema, uuidSchema } from '../text';

export const registerInput = z.strictObject({
  firstName: cleanText(80),
  lastName: cleanText(80),
  email: emailSchema,
  /** New users must meet the policy; existing users prove an existing password (checked in the service). */
  password: passwordAttemptSchema,
  phone: optionalText(32),
  companyName: cleanText(120),
  dbaName: optionalText(120),
  storeType: storeTypeSchema,
  address: addressSchema,
  acceptTos: z.literal(true, { message: 'must be accepted' }),
});
export type RegisterInput = z.infer<typeof registerInput>;
export { newPasswordSchema };

export const loginInput = z.strictObject({ email: emailSchema, password: passwordAttemptSchema });
export type LoginInput = z.infer<typeof loginInput>;

export const refreshInput = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const switchStoreInput = z.strictObject({ storeId: uuidSchema });

export const devAdminRegisterInput = z.strictObject({
  firstName: cleanText(80),
  lastName: cleanText(80),
  email: emailSchema,
  password: newPasswordSchema,
});

export const createAgentInput = z.strictObject({
  firstName: cleanText(80),
  lastName: cleanText(80),
  email: emailSchema,
  phone: optionalText(32),
  password: newPasswordSchema,
});

export const userDto = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  systemRole: z.enum(SYSTEM_ROLES).nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserDto = z.infer<typeof userDto>;

export const storeSummaryDto = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(STORE_TYPES),
  role: z.enum(MEMBER_ROLES),
  membershipStatus: z.enum(['invited', 'active']),
  kycStatus: z.enum(KYC_STATUSES),
});
export type StoreSummaryDto = z.infer<typeof storeSummaryDto>;

export const authResult = z.object({
  user: userDto,
  stores: z.array(storeSummaryDto),
  activeStoreId: z.string().nullable(),
});
export type AuthResult = z.infer<typeof authResult>;

export const meDto = authResult.extend({
  activeStore: storeSummaryDto.nullable(),
  /** Read URL of the user's avatar image, when they have set one. */
  avatarUrl: z.string().nullable(),
});
export type MeDto = z.infer<typeof meDto>;

import { z } from 'zod';

export const STORE_TYPES = ['buyer', 'vendor'] as const;
export type StoreType = (typeof STORE_TYPES)[number];

export const KYC_STATUSES = ['pending_verification', 'verified', 'rejected', 'expired', 'suspended'] as const;
export type KycStatus = (typeof KYC_STATUSES)[number];

export const MEMBER_ROLES = ['owner', 'admin', 'manager', 'viewer', 'agent', 'staff', 'ops'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles an owner or manager may hand out in the team screen (roadmap canonical set). */
export const INVITABLE_ROLES = ['owner', 'manager', 'staff', 'ops', 'viewer'] as const satisfies readonly MemberRole[];

export const MEMBERSHIP_STATUSES = ['invited', 'active', 'removed', 'pending'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** System roles live on the user row and are never derived from a membership (DOMAIN §12.B1). */
export const SYSTEM_ROLES = ['admin', 'agent'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

export const parseSystemRole = (value: string | null | undefined): SystemRole | null => {
  const lowered = value?.trim().toLowerCase();
  return lowered === 'admin' || lowered === 'agent' ? lowered : null;
};

export const storeTypeSchema = z.enum(STORE_TYPES);
export const memberRoleSchema = z.enum(MEMBER_ROLES);
export const invitableRoleSchema = z.enum(INVITABLE_ROLES);

export const NOTIFICATION_TYPES = [
  'system_announcement',
  'market_update',
  'security_alert',
  'order_alert',
  'compliance',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

import { type Address, KYC_STATUSES, MEMBER_ROLES, MEMBERSHIP_STATUSES, STORE_TYPES } from '@pf/domain';
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { media } from './compliance';

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

export const storeType = pgEnum('store_type', STORE_TYPES);
export const kycStatus = pgEnum('kyc_status', KYC_STATUSES);
export const memberRole = pgEnum('member_role', MEMBER_ROLES);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    passwordHash: text().notNull(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    phone: text(),
    isActive: boolean().notNull().default(true),
    lastLoginAt: timestamp({ withTimezone: true }),
    systemRole: text(),
    avatarMediaId: uuid().references((): AnyPgColumn => media.id, { onDelete: 'restrict' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_system_role_idx').on(t.systemRole).where(sql`${t.systemRole} is not null`),
    check('users_system_role_check', sql`${t.systemRole} is null or ${t.systemRole} in ('admin', 'agent')`),
  ],
);

export const stores = pgTable(
  'stores',
  {
    id: uuid().primaryKey().defaultRandom(),
    type: storeType().notNull(),
    companyName: text().notNull(),
    dbaName: text(),
    description: text(),
    phone: text(),
    email: text(),
    kycStatus: kycStatus().notNull().default('pending_verification'),
    subscriptionActive: boolean().notNull().default(false),
    /** Buyer stores only: may pay vendor orders by ACH (DOMAIN §3.10: off unless enabled). */
    achEnabled: boolean().notNull().default(false),
    address: jsonb().$type<Address>().notNull(),
    social: jsonb().$type<Record<string, string | undefined>>(),
    categories: text().array(),
    logoMediaId: uuid().references((): AnyPgColumn => media.id, { onDelete: 'restrict' }),
    bannerMediaId: uuid().references((): AnyPgColumn => media.id, { onDelete: 'restrict' }),
    ownerUserId: uuid()
      .notNull()
      .references(() => users.id),
    lastActiveAt: timestamp({ withTimezone: true }),
    lastLoggedInAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('stores_type_kyc_idx').on(t.type, t.kycStatus),
    index('stores_subscription_active_idx').on(t.subscriptionActive),
    check('stores_address_lat_lng_check', sql`(${t.address} ? 'lat') and (${t.address} ? 'lng')`),
  ],
);

export const storeMemberships = pgTable(
  'store_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    storeId: uuid()
      .notNull()
      .references(() => stores.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: memberRole().notNull(),
    status: membershipStatus().notNull(),
    invitedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('store_memberships_store_user_key').on(t.storeId, t.userId),
    index('store_memberships_user_idx').on(t.userId),
    index('store_memberships_store_role_idx').on(t.storeId, t.role),
    index('store_memberships_store_status_idx').on(t.storeId, t.status),
  ],
);
